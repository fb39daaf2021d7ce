package io.creditloop.contracts.sanction.v1;

import java.time.Instant;
import java.util.UUID;

/** {@code agency.task.responded.v1} on {@code sanction.responses.<agency>}: R8 respond (响应). */
public record TaskResponded(UUID taskId, String agencyCode, String note, Instant respondedAt) {
}
