package io.creditloop.contracts.sanction.v1;

import java.time.Instant;
import java.util.UUID;

/** {@code agency.measure.implemented.v1} on {@code sanction.responses.<agency>}: R8 implement (实施). */
public record MeasureImplemented(UUID taskId, String agencyCode, String businessItem, String note,
                                 Instant implementedAt) {
}
