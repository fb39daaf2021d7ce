package io.creditloop.contracts.sanction.v1;

import java.time.Instant;
import java.util.UUID;

/** {@code sanction.task.lifted.v1} on {@code sanction.tasks.<agency>}: stop applying the measure (R13 exit). */
public record SanctionTaskLifted(UUID taskId, UUID listingId, String agencyCode, String measureCode, String reason,
                                 Instant liftedAt) {
}
