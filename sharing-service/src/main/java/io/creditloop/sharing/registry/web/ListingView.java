package io.creditloop.sharing.registry.web;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sharing.registry.RegistryListing;

import java.time.LocalDate;

/**
 * A listing as a querying agency sees it; the ID number is held and shown masked only (R16).
 *
 * @param source         {@code local} or the upstream platform's code
 * @param recentlyExited the listing has left its list (on {@code exitedOn}); shown for a while, flagged
 */
record ListingView(String listingKey, String source, SubjectType subjectType, String name, String uscc,
                   String idNumber, String listTypeCode, String listName, ListKind kind, String department,
                   LocalDate recognitionDate, LocalDate validUntil, RegistryListing.Status status,
                   LocalDate exitedOn, boolean recentlyExited) {

    static ListingView of(RegistryListing l) {
        return new ListingView(l.listingKey(), l.source(), l.subjectType(), l.name(), l.uscc(), l.idNumberMasked(),
                l.listTypeCode(), l.listTypeName(), l.kind(), l.department(), l.recognitionDate(), l.validUntil(),
                l.status(), l.exitedOn(), l.status() == RegistryListing.Status.EXITED);
    }
}
