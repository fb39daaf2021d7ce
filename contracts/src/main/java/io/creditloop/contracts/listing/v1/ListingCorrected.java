package io.creditloop.contracts.listing.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code listing.corrected.v1}: the record of a listing in force was corrected (R10, R11); full new state. */
public record ListingCorrected(UUID listingId, long version, ListType listType, Subject subject, String reason,
                               String basis, String recognisingDepartment, LocalDate recognitionDate,
                               LocalDate validFrom, LocalDate validUntil, String correctionNote,
                               Instant correctedAt) implements ListingEvent {
}
