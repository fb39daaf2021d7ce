package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * R6: a platform refused a record, and the recognising department, which answers for it ("谁认定、谁负责",
 * 001 §6), is told why so it can correct and resubmit the record. The reason is the platform's, with ID numbers
 * masked (R16).
 */
public record DepartmentNotice(UUID noticeId, String department, UUID forwardId, UUID listingId, long listingVersion,
                               String platform, ForwardAction action, String reason, Instant createdAt) {

    /** Forwards recorded before the department was kept go to the credit office's own queue. */
    public static final String UNKNOWN_DEPARTMENT = "credit-office";

    public DepartmentNotice {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(forwardId, "forwardId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (department == null || department.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a department notice needs a department and a reason");
        }
    }

    public static DepartmentNotice of(Forward rejected, Instant at) {
        if (rejected.state() != ForwardState.REJECTED) {
            throw new IllegalArgumentException("only a rejected forward is noticed, not " + rejected.state());
        }
        String department = rejected.department() == null || rejected.department().isBlank()
                ? UNKNOWN_DEPARTMENT : rejected.department();
        return new DepartmentNotice(UUID.randomUUID(), department, rejected.forwardId(), rejected.listingId(),
                rejected.listingVersion(), rejected.platform(), rejected.action(), rejected.rejectionReason(), at);
    }
}
