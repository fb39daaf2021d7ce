package io.creditloop.sharing.registry;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.LocalDate;
import java.util.Objects;

/**
 * R16: one listing in the joint reward and punishment subject database (名单数据库) that agencies query: made here
 * (source {@code local}, from identification's events) or received from an upstream platform (source = its code).
 * Holds no ID number, only its masked form; a person is found by the keyed hash in {@code subjectKey}.
 *
 * @param listingKey  {@code local:<listing id>} or {@code <platform>:<upstream id>}
 * @param version     the listing's version, or the upstream record's revision
 * @param exitedOn    the day the listing left its list (or the source removed it), while {@code status} is EXITED
 */
public record RegistryListing(String listingKey, String source, long version, String subjectKey,
                              SubjectType subjectType, String name, String uscc, String idNumberMasked,
                              String listTypeCode, String listTypeName, ListKind kind, String department,
                              LocalDate recognitionDate, LocalDate validUntil, Status status, LocalDate exitedOn) {

    public static final String LOCAL = "local";

    public enum Status { IN_FORCE, EXITED }

    public RegistryListing {
        Objects.requireNonNull(listingKey, "listingKey");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }

    /** In force, or exited on or after {@code since}: what a query shows. */
    public boolean shownSince(LocalDate since) {
        return status == Status.IN_FORCE || (exitedOn != null && !exitedOn.isBefore(since));
    }

    public boolean person() {
        return subjectType == SubjectType.PERSON;
    }
}
