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
    private LocalDate noticeDate;
    private LocalDate publicityEndsOn;
    private String objection;
    private String decision;

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

    /** Restores the identification steps of a stored listing. */
    public Listing withSteps(LocalDate noticeDate, LocalDate publicityEndsOn, String objection, String decision) {
        this.noticeDate = noticeDate;
        this.publicityEndsOn = publicityEndsOn;
        this.objection = objection;
        this.decision = decision;
        return this;
    }

    /** R4: a natural person is notified before listing (事前告知). */
    public void recordNotice(LocalDate date, LocalDate today) {
        require(status == ListingStatus.RECORDED, "only a recorded listing takes a prior notice");
        if (date.isBefore(recognitionDate) || date.isAfter(today)) {
            throw new ListingStateException("notice date " + date + " must lie between the recognition date "
                    + recognitionDate + " and today: a person is listed only after being notified (R4)");
        }
        noticeDate = date;
        status = ListingStatus.NOTIFIED;
        version++;
    }

    /** R4/R5: publicity (公示) on the portals until {@code endsOn}, inclusive. */
    public void startPublicity(LocalDate endsOn) {
        require(status == ListingStatus.RECORDED || status == ListingStatus.NOTIFIED,
                "only a recorded or notified listing goes into publicity");
        publicityEndsOn = endsOn;
        status = ListingStatus.IN_PUBLICITY;
        version++;
    }

    /** An objection raised during publicity stops the confirmation until the department has verified it. */
    public void object(String reason) {
        require(status == ListingStatus.IN_PUBLICITY, "objections before confirmation are taken during publicity");
        objection = reason;
        status = ListingStatus.OBJECTED;
        version++;
    }

    /**
     * The department's verification of the objection: upheld withdraws the listing; dismissed returns it to
     * publicity, which runs to its end (and through the cross-checks) like any other.
     */
    public void decideObjection(boolean upheld, String note) {
        require(status == ListingStatus.OBJECTED, "there is no objection to decide");
        decision = (upheld ? "UPHELD: " : "DISMISSED: ") + (note == null ? "" : note);
        status = upheld ? ListingStatus.WITHDRAWN : ListingStatus.IN_PUBLICITY;
        version++;
    }

    /** R5: a red preliminary listing of a black-listed subject is excluded with its reason. */
    public void exclude(String reason) {
        require(status == ListingStatus.RECORDED || status == ListingStatus.NOTIFIED
                || status == ListingStatus.IN_PUBLICITY, "only a listing not yet confirmed can be excluded");
        decision = "EXCLUDED: " + reason;
        status = ListingStatus.EXCLUDED;
        version++;
    }

    /** R4/R5 end state of identification. */
    public void confirm(Instant now) {
        require(status == ListingStatus.RECORDED || status == ListingStatus.NOTIFIED
                || status == ListingStatus.IN_PUBLICITY, "only a listing in identification can be confirmed");
        confirmFrom(now);
    }

    private void confirmFrom(Instant now) {
        status = ListingStatus.CONFIRMED;
        confirmedAt = now;
        version++;
    }

    /** In force on {@code day}: confirmed, and within its validity. */
    public boolean inForceOn(LocalDate day) {
        return status == ListingStatus.CONFIRMED && !validFrom.isAfter(day)
                && (validUntil == null || !validUntil.isBefore(day));
    }

    private void require(boolean allowed, String why) {
        if (!allowed) {
            throw new ListingStateException("listing " + id + " is " + status + ": " + why);
        }
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

    public LocalDate noticeDate() {
        return noticeDate;
    }

    public LocalDate publicityEndsOn() {
        return publicityEndsOn;
    }

    public String objection() {
        return objection;
    }

    /** The department's decision on an objection, or why the listing was excluded. */
    public String decision() {
        return decision;
    }

    /** Accepted with reservations, e.g. a verified early pilot USCC; shown to the department, never silent. */
    public List<String> warnings() {
        return warnings;
    }
}
