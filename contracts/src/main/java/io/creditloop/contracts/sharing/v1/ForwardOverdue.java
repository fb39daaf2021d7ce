package io.creditloop.contracts.sharing.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code sharing.forward.overdue.v1}: a forward was not delivered by its due date (R6). Raised once per forward; the
 * forward is still being retried.
 *
 * @param department the recognising department, for the credit office's dashboard
 * @param lastError  why the last attempt failed, if one did
 */
public record ForwardOverdue(UUID forwardId, UUID listingId, long listingVersion, String platform,
                             ForwardAction action, String department, LocalDate dueDate, int attempts,
                             String lastError, Instant raisedAt) {
}
