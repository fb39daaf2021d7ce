package io.creditloop.identification.listing.web;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.identification.listing.Listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A listing as its recognising department sees it. The ID number is masked here; reads of the full personal
 * record come with the gateway's identities and the audit log (R16).
 */
public record ListingView(UUID id, long version, String status, String listType, int listTypeVersion,
                          String listKind, String department, String subjectType, String name, String uscc,
                          String idType, String idNumber, String legalRepresentative, String reason, String basis,
                          LocalDate recognitionDate, LocalDate validFrom, LocalDate validUntil, Instant confirmedAt,
                          ExitReason exitReason, LocalDate exitDate, String exitNote, String submissionId,
                          String organisationCode, String lei, String note, java.util.List<String> warnings,
                          LocalDate noticeDate, LocalDate publicityEndsOn, String objection, String decision) {

    public static ListingView of(Listing l) {
        var s = l.subject();
        String maskedId = s.idNumber() == null ? null
                : s.idNumber().length() >= 10
                ? s.idNumber().substring(0, 6) + "*".repeat(s.idNumber().length() - 10)
                + s.idNumber().substring(s.idNumber().length() - 4)
                : "*".repeat(s.idNumber().length());
        return new ListingView(l.id(), l.version(), l.status().name(), l.listType().code(), l.listType().version(),
                l.listType().kind().name(), l.department(), s.type().name(), s.name(), s.uscc(), s.idType(), maskedId,
                s.legalRepresentative(), l.reason(), l.basis(), l.recognitionDate(), l.validFrom(), l.validUntil(),
                l.confirmedAt(), l.exitReason(), l.exitDate(), l.exitNote(), l.submissionId(), s.organisationCode(),
                s.lei(), l.note(), l.warnings(), l.noticeDate(), l.publicityEndsOn(), l.objection(), l.decision());
    }
}
