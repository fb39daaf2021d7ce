package io.creditloop.sharing.forward.web;

import io.creditloop.sharing.forward.ForwardService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/sharing/forwards")
class ForwardController {

    private final ForwardService forwards;
    private final Clock clock;

    ForwardController(ForwardService forwards, Clock clock) {
        this.forwards = forwards;
        this.clock = clock;
    }

    /** R6: where a listing's changes were forwarded, by when, and with what result. */
    @GetMapping
    List<ForwardView> byListing(@RequestParam UUID listingId) {
        LocalDate today = LocalDate.now(clock);
        return forwards.forwardsOf(listingId).stream().map(f -> ForwardView.of(f, today)).toList();
    }
}
