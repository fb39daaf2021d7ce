package io.creditloop.sanction.report;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * R8: a listing as the dashboard and the monthly case report (004 annex 2) need it: its recognising department
 * (发起部门), list, subject as it may be reported (a person masked, R16) and, once it left its list, the exit (R13).
 *
 * @param subjectName an organisation's name, or a person's masked name; never an ID number
 */
public record CaseListing(UUID listingId, long version, String department, String listTypeCode, String listTypeName,
                          ListKind listKind, SubjectType subjectType, String subjectName, String uscc, String reason,
                          LocalDate recognitionDate, LocalDate validFrom, LocalDate validUntil,
                          ExitReason exitReason, LocalDate exitDate, String exitNote, Instant exitedAt) {

    public CaseListing {
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(listTypeCode, "listTypeCode");
        Objects.requireNonNull(listKind, "listKind");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectName, "subjectName");
    }

    public static CaseListing of(ListingConfirmed e) {
        return inForce(e.listingId(), e.version(), e.recognisingDepartment(), e.listType(), e.subject(), e.reason(),
                e.recognitionDate(), e.validFrom(), e.validUntil());
    }

    public static CaseListing of(ListingCorrected e) {
        return inForce(e.listingId(), e.version(), e.recognisingDepartment(), e.listType(), e.subject(), e.reason(),
                e.recognitionDate(), e.validFrom(), e.validUntil());
    }

    /** The exit; what the exit event does not repeat (reason, dates) is kept from the listing as it was. */
    public static CaseListing of(ListingExited e) {
        Subject subject = e.subject();
        return new CaseListing(e.listingId(), e.version(), department(e.recognisingDepartment(), e.listType()),
                e.listType().code(), e.listType().name(), e.listType().kind(), subject.type(), reportedName(subject),
                subject.type() == SubjectType.ORGANISATION ? subject.uscc() : null, null, null, null, null,
                e.exitReason(), e.exitDate(), ReportMasking.idNumbersIn(e.note()), e.exitedAt());
    }

    private static CaseListing inForce(UUID listingId, long version, String department, ListType listType,
                                       Subject subject, String reason, LocalDate recognitionDate, LocalDate validFrom,
                                       LocalDate validUntil) {
        return new CaseListing(listingId, version, department(department, listType), listType.code(),
                listType.name(), listType.kind(), subject.type(), reportedName(subject),
                subject.type() == SubjectType.ORGANISATION ? subject.uscc() : null,
                ReportMasking.idNumbersIn(reason), recognitionDate, validFrom, validUntil, null, null, null, null);
    }

    private static String department(String recognising, ListType listType) {
        return recognising != null && !recognising.isBlank() ? recognising : listType.department();
    }

    private static String reportedName(Subject subject) {
        String name = subject.name() == null ? "" : subject.name().strip();
        return subject.type() == SubjectType.PERSON ? ReportMasking.personName(name) : name;
    }
}
