package io.creditloop.sharing.forward.web;

import io.creditloop.contracts.sharing.v1.ForwardAction;
import io.creditloop.sharing.forward.DeadlineStatus;
import io.creditloop.sharing.forward.Forward;
import io.creditloop.sharing.forward.ForwardDeadline;
import io.creditloop.sharing.forward.ForwardState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A forward as the API shows it; the payload (which may hold an ID number) is not shown.
 *
 * @param deadline R6: ON_TIME, AT_RISK (due within one working day), OVERDUE, or NONE once no longer pending
 */
public record ForwardView(UUID forwardId, UUID listingId, long listingVersion, String platform, ForwardAction action,
                          ForwardState state, LocalDate dueDate, boolean overdue, int attempts, String acknowledgement,
                          String rejectionReason, String lastError, Instant createdAt, Instant deliveredAt,
                          String department, DeadlineStatus deadline) {

    static ForwardView of(Forward f, LocalDate today, ForwardDeadline deadlines) {
        return new ForwardView(f.forwardId(), f.listingId(), f.listingVersion(), f.platform(), f.action(), f.state(),
                f.dueDate(), f.overdueOn(today), f.attempts(), f.acknowledgement(), f.rejectionReason(),
                f.lastError(), f.createdAt(), f.deliveredAt(), f.department(),
                deadlines.status(f.state(), f.dueDate(), today));
    }
}
