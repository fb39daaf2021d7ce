package io.creditloop.repair.listing;

import io.creditloop.contracts.listing.v1.SubjectType;

import java.util.Objects;
import java.util.UUID;

/**
 * This service's view of a listing, kept from the listing events: enough to accept an objection and route it to
 * the recognising department. Holds no ID number and only a masked name for a person.
 */
public record ListingRef(UUID listingId, long version, ListingStatus status, String recognisingDepartment,
                         String listTypeCode, SubjectType subjectType, String subjectNameMasked) {

    public ListingRef {
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recognisingDepartment, "recognisingDepartment");
        Objects.requireNonNull(listTypeCode, "listTypeCode");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectNameMasked, "subjectNameMasked");
    }

    public boolean exited() {
        return status == ListingStatus.EXITED;
    }
}
