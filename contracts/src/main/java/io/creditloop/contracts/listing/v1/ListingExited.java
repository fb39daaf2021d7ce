package io.creditloop.contracts.listing.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code listing.exited.v1}: the listing left its list (R13); measures stop, an exit announcement follows. */
public record ListingExited(UUID listingId, long version, ListType listType, Subject subject,
                            String recognisingDepartment, ExitReason exitReason, LocalDate exitDate, String note,
                            Instant exitedAt) implements ListingEvent {
}
