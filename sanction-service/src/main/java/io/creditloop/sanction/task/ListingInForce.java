package io.creditloop.sanction.task;

import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.Subject;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A listing in force as its tasks are made from it: confirmed (R4/R5), or its corrected record (R10/R11). */
public record ListingInForce(UUID listingId, long version, ListType listType, Subject subject, String reason,
                             LocalDate validUntil) {

    public ListingInForce {
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(listType, "listType");
        Objects.requireNonNull(subject, "subject");
    }

    public static ListingInForce of(ListingConfirmed confirmed) {
        return new ListingInForce(confirmed.listingId(), confirmed.version(), confirmed.listType(),
                confirmed.subject(), confirmed.reason(), confirmed.validUntil());
    }

    public static ListingInForce of(ListingCorrected corrected) {
        return new ListingInForce(corrected.listingId(), corrected.version(), corrected.listType(),
                corrected.subject(), corrected.reason(), corrected.validUntil());
    }
}
