package io.creditloop.repair.listing;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.util.Objects;
import java.util.UUID;

/**
 * This service's view of a listing, kept from the listing events: enough to accept an objection and route it to
 * the recognising department. Holds no ID number and only a masked name for a person.
 *
 * @param listKind red, black, gray or warning; null for a listing known before the kind was kept
 */
public record ListingRef(UUID listingId, long version, ListingStatus status, String recognisingDepartment,
                         String listTypeCode, SubjectType subjectType, String subjectNameMasked,
                         ListKind listKind) {

    public ListingRef {
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recognisingDepartment, "recognisingDepartment");
        Objects.requireNonNull(listTypeCode, "listTypeCode");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectNameMasked, "subjectNameMasked");
    }

    public ListingRef(UUID listingId, long version, ListingStatus status, String recognisingDepartment,
                      String listTypeCode, SubjectType subjectType, String subjectNameMasked) {
        this(listingId, version, status, recognisingDepartment, listTypeCode, subjectType, subjectNameMasked, null);
    }

    public boolean red() {
        return listKind == ListKind.RED;
    }

    public boolean exited() {
        return status == ListingStatus.EXITED;
    }
}
