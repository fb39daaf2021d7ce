package io.creditloop.repair.objection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * R10: an objection (异议) against a listing, filed with the original provider, the recognising department
 * (000 §5(一)). Publication and measures continue while it is pending (000 §5(一); 003 §24): nothing here touches
 * the listing until the credit office has reviewed the department's opinion. Plain Java: each step returns the next
 * state or throws {@link ObjectionStateException}.
 *
 * @param contact optional; how the department reaches the objector with its written reply
 * @param dueDate verification due, in working days from acceptance ({@link VerificationDeadline})
 */
public record Objection(UUID id, UUID listingId, String recognisingDepartment, ObjectorKind objectorKind,
                        String objectorName, String contact, String reason, ObjectionStatus status, Instant filedAt,
                        Instant acceptedAt, String acceptedBy, LocalDate dueDate,
                        OpinionOutcome opinionOutcome, String opinion, String opinionBy, Instant opinionAt,
                        String reply, String repliedBy, Instant repliedAt,
                        String reviewedBy, Instant reviewedAt, UUID decisionId,
                        String administrativeReview, Instant administrativeReviewAt) {

    public Objection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(recognisingDepartment, "recognisingDepartment");
        Objects.requireNonNull(objectorKind, "objectorKind");
        Objects.requireNonNull(objectorName, "objectorName");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filedAt, "filedAt");
    }

    public static Objection filed(UUID id, UUID listingId, String department, ObjectorKind kind, String name,
                                  String contact, String reason, Instant now) {
        return new Objection(id, listingId, department, kind, name, contact, reason, ObjectionStatus.FILED, now,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The recognising department acknowledges the objection; verification is due on {@code dueDate}. */
    public Objection accept(String by, Instant now, LocalDate due) {
        require(ObjectionStatus.FILED, "accepted");
        return new Objection(id, listingId, recognisingDepartment, objectorKind, objectorName, contact, reason,
                ObjectionStatus.ACCEPTED, filedAt, now, by, due, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** The department found the listing wrong and says so in writing; the credit office reviews it next. */
    public Objection giveOpinion(OpinionOutcome outcome, String text, String by, Instant now) {
        require(ObjectionStatus.ACCEPTED, "given an opinion");
        Objects.requireNonNull(outcome, "outcome");
        return new Objection(id, listingId, recognisingDepartment, objectorKind, objectorName, contact, reason,
                ObjectionStatus.OPINION_GIVEN, filedAt, acceptedAt, acceptedBy, dueDate, outcome, text, by, now,
                null, null, null, reviewedBy, reviewedAt, null, null, null);
    }

    /** The department found the listing right: a written reply to the objector ends the objection. */
    public Objection reject(String text, String by, Instant now) {
        require(ObjectionStatus.ACCEPTED, "answered");
        return new Objection(id, listingId, recognisingDepartment, objectorKind, objectorName, contact, reason,
                ObjectionStatus.REJECTED, filedAt, acceptedAt, acceptedBy, dueDate, null, null, null, null,
                text, by, now, reviewedBy, reviewedAt, null, null, null);
    }

    /**
     * The credit office reviews the department's opinion: approved, the decision is made ({@code decisionId});
     * not approved, the objection goes back to the department (opinion kept for the record until the next one).
     */
    public Objection review(boolean approved, String by, Instant now, UUID decision) {
        require(ObjectionStatus.OPINION_GIVEN, "reviewed");
        return new Objection(id, listingId, recognisingDepartment, objectorKind, objectorName, contact, reason,
                approved ? ObjectionStatus.DECIDED : ObjectionStatus.ACCEPTED, filedAt, acceptedAt, acceptedBy,
                dueDate, opinionOutcome, opinion, opinionBy, opinionAt, null, null, null, by, now,
                approved ? Objects.requireNonNull(decision, "decision") : null, null, null);
    }

    /** R10 (001 §21): after a written reply the objector may seek administrative review; its outcome is recorded. */
    public Objection recordAdministrativeReview(String outcome, Instant now) {
        require(ObjectionStatus.REJECTED, "given an administrative review outcome");
        return new Objection(id, listingId, recognisingDepartment, objectorKind, objectorName, contact, reason,
                status, filedAt, acceptedAt, acceptedBy, dueDate, opinionOutcome, opinion, opinionBy, opinionAt,
                reply, repliedBy, repliedAt, reviewedBy, reviewedAt, decisionId, outcome, now);
    }

    private void require(ObjectionStatus expected, String step) {
        if (status != expected) {
            throw new ObjectionStateException("objection " + id + " is " + status + ": only a " + expected
                    + " objection can be " + step);
        }
    }
}
