package io.creditloop.contracts.sharing.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code sharing.forward.rejected.v1}: an upstream platform refused a forward, with its reason (R6). */
public record ForwardRejected(UUID forwardId, UUID listingId, long listingVersion, String platform,
                              ForwardAction action, LocalDate dueDate, Instant rejectedAt, String reason) {
}
