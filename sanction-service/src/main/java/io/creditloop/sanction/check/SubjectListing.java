package io.creditloop.sanction.check;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.LocalDate;
import java.util.UUID;

/** One listing of the credit check's read model, as far as a check shows it; persons only by key and masked ID. */
public record SubjectListing(UUID listingId, long version, String subjectKey, SubjectType subjectType, String name,
                             String uscc, String maskedId, String listTypeCode, String listTypeName, ListKind kind,
                             String department, LocalDate validFrom, LocalDate validUntil) {

    /** In force on {@code day}: validity started and not ended (validUntil inclusive, none = no end). */
    public boolean inForceOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
    }
}
