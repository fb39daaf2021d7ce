package io.creditloop.contracts.listing.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code listing.confirmed.v1}: a listing passed identification (R4/R5) and is in force.
 *
 * @param validUntil last day in force, inclusive; {@code null} for 长期 (no end)
 */
public record ListingConfirmed(UUID listingId, long version, ListType listType, Subject subject, String reason,
                               String basis, String recognisingDepartment, LocalDate recognitionDate,
                               LocalDate validFrom, LocalDate validUntil, Instant confirmedAt) implements ListingEvent {
}
