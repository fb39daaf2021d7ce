package io.creditloop.sharing.inbound.web;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sharing.inbound.UpstreamListing;
import io.creditloop.sharing.inbound.UpstreamRecord;
import io.creditloop.sharing.subject.Masking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An upstream listing as the API shows it: the ID number masked (R16). */
record UpstreamListingView(UUID id, String platform, String upstreamId, long revision, String listName, ListKind kind,
                           boolean inForce, SubjectType subjectType, String name, String uscc, String idNumber,
                           String authority, LocalDate recognitionDate, LocalDate validUntil, Instant receivedAt,
                           Instant updatedAt) {

    static UpstreamListingView of(UpstreamListing l) {
        UpstreamRecord r = l.record();
        return new UpstreamListingView(l.id(), l.platform(), r.upstreamId(), l.revision(), r.listName(), r.kind(),
                r.inForce(), r.subjectType(), r.name(), r.uscc(), Masking.idNumber(r.idNumber()), r.authority(),
                r.recognitionDate(), r.validUntil(), l.receivedAt(), l.updatedAt());
    }
}
