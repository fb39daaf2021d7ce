package io.creditloop.sharing.forward.web;

import io.creditloop.security.Caller;
import io.creditloop.sharing.access.SharingAccess;
import io.creditloop.sharing.forward.DeadlineStatus;
import io.creditloop.sharing.forward.Forward;
import io.creditloop.sharing.forward.ForwardDeadline;
import io.creditloop.sharing.forward.ForwardService;
import io.creditloop.sharing.forward.ForwardState;
import io.creditloop.sharing.forward.Forwards;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

    private final ForwardService service;
    private final Forwards forwards;
    private final Clock clock;

    ForwardController(ForwardService service, Forwards forwards, Clock clock) {
        this.service = service;
        this.forwards = forwards;
        this.clock = clock;
    }

    /** R6: where a listing's changes were forwarded, by when, and with what result. */
    @GetMapping(params = "listingId")
    @Operation(summary = "R6: a listing's forwards to every platform, with due date, state and deadline status")
    List<ForwardView> byListing(@RequestParam UUID listingId, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        ForwardDeadline deadlines = service.deadlines();
        List<Forward> found = service.forwardsOf(listingId);
        SharingAccess.requireForwardsOf(caller, found.stream().map(Forward::department).toList());
        return found.stream().map(f -> ForwardView.of(f, today, deadlines)).toList();
    }

    /** R6: the credit office's dashboard: forwards by state, platform, department and deadline status. */
    @GetMapping(params = "!listingId")
    @Operation(summary = "R6: forwards for the credit office's dashboard, newest first, paged")
    Paging.Page<ForwardView> search(
            @Parameter(description = "PENDING, DELIVERED, REJECTED or CANCELLED") @RequestParam(required = false)
            ForwardState state,
            @Parameter(description = "platform code, e.g. city") @RequestParam(required = false) String platform,
            @Parameter(description = "recognising department code, e.g. tax") @RequestParam(required = false)
            String department,
            @Parameter(description = "AT_RISK (pending, due within one working day), OVERDUE, ON_TIME or NONE")
            @RequestParam(required = false) DeadlineStatus deadline,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Caller caller) {
        SharingAccess.requireCreditOffice(caller);
        Paging.check(page, size);
        LocalDate today = LocalDate.now(clock);
        ForwardDeadline deadlines = service.deadlines();
        Forwards.Page found = forwards.search(new Forwards.ForwardQuery(state, Paging.code("platform", platform),
                Paging.code("department", department), deadline), today, deadlines.atRiskHorizon(today), page, size);
        return new Paging.Page<>(found.items().stream().map(f -> ForwardView.of(f, today, deadlines)).toList(),
                page, size, found.total());
    }
}
