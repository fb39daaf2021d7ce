package io.creditloop.contracts.sanction.v1;

import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.Subject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code sanction.task.initiated.v1} on {@code sanction.tasks.<agency>}: R8 initiate (发起) — the agency is asked
 * to apply one measure to one listed subject.
 */
public record SanctionTaskInitiated(UUID taskId, UUID listingId, long listingVersion, String agencyCode,
                                    String measureCode, String measure, String legalBasis, ListType listType,
                                    Subject subject, String reason, LocalDate validUntil, Instant initiatedAt) {
}
