package io.creditloop.contracts.sharing.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code sharing.forward.rejected.v1}: an upstream platform refused a forward, with its reason (R6). The recognising
 * department answers for the record ("谁认定、谁负责") and is told.
 *
 * @param department the recognising department to correct the record; optional (added within v1)
 */
public record ForwardRejected(UUID forwardId, UUID listingId, long listingVersion, String platform,
                              ForwardAction action, LocalDate dueDate, Instant rejectedAt, String reason,
                              String department) {

    public ForwardRejected(UUID forwardId, UUID listingId, long listingVersion, String platform, ForwardAction action,
                           LocalDate dueDate, Instant rejectedAt, String reason) {
        this(forwardId, listingId, listingVersion, platform, action, dueDate, rejectedAt, reason, null);
    }
}
