package io.creditloop.contracts.sharing.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code sharing.forward.at-risk.v1}: a forward is still not delivered and is due within one working day (R6). Raised
 * once per forward.
 *
 * @param department      the recognising department, for the credit office's dashboard
 * @param workingDaysLeft working days after today up to and including the due date: 0 (due today) or 1
 * @param lastError       why the last attempt failed, if one did
 */
public record ForwardAtRisk(UUID forwardId, UUID listingId, long listingVersion, String platform,
                            ForwardAction action, String department, LocalDate dueDate, int workingDaysLeft,
                            int attempts, String lastError, Instant raisedAt) {
}
