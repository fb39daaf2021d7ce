package io.creditloop.contracts.sharing.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code sharing.forward.delivered.v1}: an upstream platform acknowledged a forward (R6). */
public record ForwardDelivered(UUID forwardId, UUID listingId, long listingVersion, String platform,
                               ForwardAction action, LocalDate dueDate, Instant deliveredAt,
                               String acknowledgement) {
}
