package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.identification.catalog.ListTypeEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A listing (列入名单) and its lifecycle. Every transition raises the version by one, and each version is stored
 * as an immutable event. Version 1 is the record as submitted, version 2 its confirmation.
 */
public final class Listing {

    private final UUID id;
    private final String submissionId;
    private final ListTypeEntry listType;
    private final ListedSubject subject;
    private final String reason;
    private final String basis;
    private final String department;
    private final LocalDate recognitionDate;
    private final LocalDate validFrom;
    private final LocalDate validUntil;
    private long version;
    private ListingStatus status;
    private Instant confirmedAt;
    private ExitReason exitReason;
    private LocalDate exitDate;
    private String exitNote;
    private Instant exitedAt;
    private final String note;
    private final List<String> warnings;

    @SuppressWarnings("java:S107") // a listing is this wide (R3); a builder would only hide it
    public Listing(UUID id, String submissionId, ListTypeEntry listType, ListedSubject subject, String reason,
                   String basis, String department, LocalDate recognitionDate, LocalDate validFrom,
                   LocalDate validUntil, long version, ListingStatus status, Instant confirmedAt,
                   ExitReason exitReason, LocalDate exitDate, String exitNote, Instant exitedAt, String note,
                   List<String> warnings) {
        this.id = id;
        this.submissionId = submissionId;
        this.listType = listType;
        this.subject = subject;
        this.reason = reason;
        this.basis = basis;
        this.department = department;
        this.recognitionDate = recognitionDate;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.version = version;
        this.status = status;
        this.confirmedAt = confirmedAt;
        this.exitReason = exitReason;
        this.exitDate = exitDate;
        this.exitNote = exitNote;
        this.exitedAt = exitedAt;
        this.note = note;
        this.warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A newly recorded listing, version 1. */
    static Listing recorded(String submissionId, ListTypeEntry listType, ListedSubject subject, String reason,
                            String basis, String department, LocalDate recognitionDate, LocalDate validUntil,
                            String note, List<String> warnings) {
        return new Listing(UUID.randomUUID(), submissionId, listType, subject, reason, basis, department,
                recognitionDate, recognitionDate, validUntil, 1, ListingStatus.RECORDED, null, null, null, null,
                null, note, warnings);
    }

    /** R4/R5 end state. The publicity and objection steps before it arrive with the identification workflow. */
    public void confirm(Instant now) {
        if (status != ListingStatus.RECORDED) {
            throw new ListingStateException("listing " + id + " is " + status + ", only a recorded listing can be confirmed");
        }
        status = ListingStatus.CONFIRMED;
        confirmedAt = now;
        version++;
    }

    /** R13: the listing leaves its list; measures stop and an exit announcement follows downstream. */
    public void exit(ExitReason reason, LocalDate date, String note, Instant now) {
        if (status != ListingStatus.CONFIRMED) {
            throw new ListingStateException("listing " + id + " is " + status + ", only a confirmed listing can exit");
        }
        if (date.isBefore(recognitionDate)) {
            throw new ListingStateException("exit date " + date + " is before the recognition date " + recognitionDate);
        }
        status = ListingStatus.EXITED;
        exitReason = reason;
        exitDate = date;
        exitNote = note;
        exitedAt = now;
        version++;
    }

    public UUID id() {
        return id;
    }

    public String submissionId() {
        return submissionId;
    }

    public ListTypeEntry listType() {
        return listType;
    }

    public ListedSubject subject() {
        return subject;
    }

    public String reason() {
        return reason;
    }

    public String basis() {
        return basis;
    }

    public String department() {
        return department;
    }

    public LocalDate recognitionDate() {
        return recognitionDate;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public long version() {
        return version;
    }

    public ListingStatus status() {
        return status;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public ExitReason exitReason() {
        return exitReason;
    }

    public LocalDate exitDate() {
        return exitDate;
    }

    public String exitNote() {
        return exitNote;
    }

    public Instant exitedAt() {
        return exitedAt;
    }

    public String note() {
        return note;
    }

    /** Accepted with reservations, e.g. a verified early pilot USCC; shown to the department, never silent. */
    public List<String> warnings() {
        return warnings;
    }
}
