package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * R6: one listing change (listing, exit, correction) to be pushed to one upstream platform by its due date.
 * It is recorded before the first attempt and retried until the platform acknowledges or refuses it.
 *
 * @param payload  the JSON body sent to the platform, the same on every attempt
 * @param attempts HTTP attempts made so far
 * @param lastError why the last attempt failed, while the forward is still pending
 * @param department the recognising department, told when a platform refuses the record; null for forwards recorded
 *                   before it was kept
 * @param requestId  as stored: the request id of the listing event the forward was recorded for (X-Request-Id), so
 *                   its delivery's events carry it too; null when none, and in a forward not yet stored
 */
public record Forward(UUID forwardId, UUID listingId, long listingVersion, String platform, ForwardAction action,
                      String payload, LocalDate dueDate, ForwardState state, int attempts, String acknowledgement,
                      String rejectionReason, String lastError, Instant createdAt, Instant deliveredAt,
                      Instant rejectedAt, String department, String requestId) {

    public Forward {
        Objects.requireNonNull(forwardId, "forwardId");
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        if (platform == null || platform.isBlank()) {
            throw new IllegalArgumentException("a forward needs a platform");
        }
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("a forward needs a payload");
        }
        if (listingVersion < 1 || attempts < 0) {
            throw new IllegalArgumentException("invalid listing version or attempts: " + listingVersion + ", " + attempts);
        }
    }

    public static Forward pending(UUID forwardId, UUID listingId, long listingVersion, String platform,
                                  ForwardAction action, String payload, LocalDate dueDate, Instant now) {
        return pending(forwardId, listingId, listingVersion, platform, action, payload, dueDate, now, null);
    }

    public static Forward pending(UUID forwardId, UUID listingId, long listingVersion, String platform,
                                  ForwardAction action, String payload, LocalDate dueDate, Instant now,
                                  String department) {
        return new Forward(forwardId, listingId, listingVersion, platform, action, payload, dueDate,
                ForwardState.PENDING, 0, null, null, null, now, null, null, department, null);
    }

    /** The platform acknowledged the forward. */
    public Forward delivered(String acknowledgement, Instant at) {
        requirePending("deliver");
        return new Forward(forwardId, listingId, listingVersion, platform, action, payload, dueDate,
                ForwardState.DELIVERED, attempts + 1, acknowledgement, null, null, createdAt, at, null, department,
                requestId);
    }

    /** The platform refused the record itself; sending it again would not help. */
    public Forward rejected(String reason, Instant at) {
        requirePending("reject");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs the platform's reason");
        }
        return new Forward(forwardId, listingId, listingVersion, platform, action, payload, dueDate,
                ForwardState.REJECTED, attempts + 1, null, reason, null, createdAt, null, at, department,
                requestId);
    }

    /** The attempt failed for a passing reason (platform down, timeout): the forward stays pending. */
    public Forward failed(String error) {
        requirePending("retry");
        return new Forward(forwardId, listingId, listingVersion, platform, action, payload, dueDate,
                ForwardState.PENDING, attempts + 1, null, null, error, createdAt, null, null, department,
                requestId);
    }

    public boolean pending() {
        return state == ForwardState.PENDING;
    }

    /** Still pending after its due date (a rejected forward is the department's to correct, see R6 notices). */
    public boolean overdueOn(LocalDate today) {
        return state == ForwardState.PENDING && dueDate != null && today.isAfter(dueDate);
    }

    private void requirePending(String what) {
        if (!pending()) {
            throw new IllegalStateException("cannot " + what + " forward " + forwardId + ": it is already " + state);
        }
    }
}
