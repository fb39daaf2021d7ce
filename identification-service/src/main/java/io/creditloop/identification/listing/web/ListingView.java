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

    /**
     * Resident IDs (15 or 18 characters) keep the first 6 and the last 4; shorter documents (passports, permits)
     * keep only the last 2, so that no short number is ever shown whole.
     */
    static String maskedIdNumber(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() >= 15) {
            return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
        }
        return id.length() <= 2 ? "*".repeat(id.length()) : "*".repeat(id.length() - 2) + id.substring(id.length() - 2);
    }

    public static ListingView of(Listing l) {
        var s = l.subject();
        String maskedId = maskedIdNumber(s.idNumber());
        return new ListingView(l.id(), l.version(), l.status().name(), l.listType().code(), l.listType().version(),
                l.listType().kind().name(), l.department(), s.type().name(), s.name(), s.uscc(), s.idType(), maskedId,
                s.legalRepresentative(), l.reason(), l.basis(), l.recognitionDate(), l.validFrom(), l.validUntil(),
                l.confirmedAt(), l.exitReason(), l.exitDate(), l.exitNote(), l.submissionId(), s.organisationCode(),
                s.lei(), l.note(), l.warnings(), l.noticeDate(), l.publicityEndsOn(), l.objection(), l.decision());
    }
}
