package io.creditloop.repair.creditrepair;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * R12 (000 §5(三)): a credit repair: written application to the original provider → its written opinion (due in
 * working days) → credit office review (due in working days) → carried out. A re-offence cancels it (000 §5(二)).
 */
public record CreditRepair(UUID id, UUID listingId, String subjectKey, RepairMode path, String applicant,
                           String statement, boolean intentional, Status status, Instant filedAt,
                           LocalDate opinionDue, String opinion, String opinionBy, Instant opinionAt,
                           LocalDate reviewDue, String reviewNote, String reviewedBy, Instant reviewedAt,
                           UUID decisionId, String closedReason, Instant closedAt) {

    public enum Status {
        APPLIED, OPINION_GIVEN, CARRIED_OUT, REFUSED, CANCELLED;

        public boolean active() {
            return this == APPLIED || this == OPINION_GIVEN || this == CARRIED_OUT;
        }
    }

    public CreditRepair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
    }

    public static CreditRepair applied(UUID listingId, String subjectKey, RepairMode path, String applicant,
                                       String statement, boolean intentional, Instant now, LocalDate opinionDue) {
        return new CreditRepair(UUID.randomUUID(), listingId, subjectKey, path, applicant, statement, intentional,
                Status.APPLIED, now, opinionDue, null, null, null, null, null, null, null, null, null, null);
    }

    /** The recognising department's written opinion: agreeing sends it to the credit office, else it is refused. */
    public CreditRepair opinion(boolean agrees, String text, String by, Instant now, LocalDate reviewDue) {
        require(Status.APPLIED, "given an opinion");
        return new CreditRepair(id, listingId, subjectKey, path, applicant, statement, intentional,
                agrees ? Status.OPINION_GIVEN : Status.REFUSED, filedAt, opinionDue, text, by, now,
                agrees ? reviewDue : null, null, null, null, null,
                agrees ? null : "原认定部门不同意修复: " + text, agrees ? null : now);
    }

    /** The credit office's review: approved, the repair is carried out under {@code decision}. */
    public CreditRepair review(boolean approved, String note, String by, Instant now, UUID decision) {
        require(Status.OPINION_GIVEN, "reviewed");
        return new CreditRepair(id, listingId, subjectKey, path, applicant, statement, intentional,
                approved ? Status.CARRIED_OUT : Status.REFUSED, filedAt, opinionDue, opinion, opinionBy, opinionAt,
                reviewDue, note, by, now, approved ? Objects.requireNonNull(decision) : null,
                approved ? null : "信用办审核未通过" + (note == null ? "" : ": " + note), approved ? null : now);
    }

    /** R12 (000 §5(二)): re-offence. */
    public CreditRepair cancel(String reason, Instant now) {
        if (!status.active()) {
            throw new RepairStateException("repair " + id + " is " + status + ": nothing to cancel");
        }
        return new CreditRepair(id, listingId, subjectKey, path, applicant, statement, intentional, Status.CANCELLED,
                filedAt, opinionDue, opinion, opinionBy, opinionAt, reviewDue, reviewNote, reviewedBy, reviewedAt,
                decisionId, reason, now);
    }

    private void require(Status expected, String step) {
        if (status != expected) {
            throw new RepairStateException("repair " + id + " is " + status + ": only an " + expected
                    + " repair can be " + step);
        }
    }
}
