package io.creditloop.repair.creditrepair;

import java.time.LocalDate;
import java.util.Optional;

/**
 * R12 (000 §5(三)): each step of a credit repair's approval has a due date in working days (shared calendar): the
 * recognising department's written opinion after the application, the credit office's review after the opinion.
 * A step still open after its due date is overdue and raises an alarm, once per step.
 */
public final class ApprovalDeadline {

    public enum Step { OPINION, REVIEW }

    /** An alarm raised for a repair: the step, and the due date it missed. */
    public record Alarm(Step step, String alarm, LocalDate dueDate, LocalDate raisedOn) {
    }

    public static final String OVERDUE = "OVERDUE";

    private ApprovalDeadline() {
    }

    /** The step of {@code repair} overdue on {@code today}, if any. */
    public static Optional<Alarm> overdue(CreditRepair repair, LocalDate today) {
        if (repair.status() == CreditRepair.Status.APPLIED && today.isAfter(repair.opinionDue())) {
            return Optional.of(new Alarm(Step.OPINION, OVERDUE, repair.opinionDue(), today));
        }
        if (repair.status() == CreditRepair.Status.OPINION_GIVEN && repair.reviewDue() != null
                && today.isAfter(repair.reviewDue())) {
            return Optional.of(new Alarm(Step.REVIEW, OVERDUE, repair.reviewDue(), today));
        }
        return Optional.empty();
    }
}
