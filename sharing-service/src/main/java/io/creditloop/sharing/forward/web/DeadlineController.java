package io.creditloop.sharing.forward.web;

import io.creditloop.security.Caller;
import io.creditloop.sharing.access.SharingAccess;
import io.creditloop.sharing.forward.ForwardService;
import io.creditloop.sharing.forward.Forwards;
import io.creditloop.sharing.forward.UpstreamPlatforms;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** R6: the credit office's dashboard summary of deadlines per platform. */
@RestController
@RequestMapping("/api/sharing/deadlines")
class DeadlineController {

    private final Forwards forwards;
    private final ForwardService service;
    private final UpstreamPlatforms platforms;
    private final Clock clock;

    DeadlineController(Forwards forwards, ForwardService service, UpstreamPlatforms platforms, Clock clock) {
        this.forwards = forwards;
        this.service = service;
        this.platforms = platforms;
        this.clock = clock;
    }

    /**
     * @param today        the day the counts are for, in the deployment's zone
     * @param atRiskUntil  pending forwards due from today up to this day are at risk; before today, overdue
     */
    record Summary(LocalDate today, LocalDate atRiskUntil, List<PlatformSummary> platforms) {
    }

    /** @param circuit the platform's circuit breaker: CLOSED, OPEN, HALF_OPEN; null for a platform no longer configured */
    record PlatformSummary(String platform, String circuit, long pending, long atRisk, long overdue, long delivered,
                           long rejected, long cancelled, LocalDate nextDue) {
    }

    @GetMapping
    @Operation(summary = "R6: per platform, forwards pending, at risk, overdue, delivered, rejected and cancelled")
    Summary summary(@RequestParam(required = false) String department, Caller caller) {
        if (department == null || department.isBlank()) {
            SharingAccess.requireCreditOffice(caller);
        } else {
            SharingAccess.requireDepartment(caller, department);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = service.deadlines().atRiskHorizon(today);
        var circuits = platforms.circuitStates();
        List<PlatformSummary> rows = forwards.countByPlatform(Paging.code("department", department), today, horizon)
                .stream()
                .map(c -> new PlatformSummary(c.platform(), circuits.get(c.platform()), c.pending(), c.atRisk(),
                        c.overdue(), c.delivered(), c.rejected(), c.cancelled(), c.nextDue()))
                .toList();
        return new Summary(today, horizon, rows);
    }
}
