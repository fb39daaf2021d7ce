package io.creditloop.sanction.task;

import io.creditloop.sanction.measure.Measure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * R8: one enforcing agency's part of the closed loop for one listing and one measure.
 * <p>
 * Answers arrive over Kafka, so they may repeat or come out of order. The state therefore only moves forward:
 * a repeated or older answer changes nothing, and an answer that skips a step also fills the step it implies
 * (an agency that implemented a measure has evidently responded). Once the listing exits the task is
 * {@link TaskState#LIFTED} (R13: the measures stop) and no answer changes it any more.
 * <p>
 * Each task is made under one version of its measure (R9) and has a response deadline ({@link ResponseDeadline});
 * an agency that has not responded by then is reminded once (003 §18 自动提醒).
 * <p>
 * When the task's part of the loop is done depends on its measure: one that needs the agency's confirmation
 * ({@code confirmationRequired}) is closed only by its feedback (反馈); one that does not is closed once the agency has
 * responded (响应), and a later implementation or feedback only adds detail. See {@link #isClosed()}.
 */
public final class SanctionTask {

    private final UUID taskId;
    private final UUID listingId;
    private final long listingVersion;
    private final String subjectKey;
    private final String listTypeCode;
    private final String agencyCode;
    private final String measureCode;
    private final String measure;
    private final int measureVersion;
    private final boolean confirmationRequired;
    private final LocalDate respondBy;
    private final Instant initiatedAt;
    private TaskState state;
    private Instant respondedAt;
    private Instant implementedAt;
    private Instant fedBackAt;
    private Instant liftedAt;
    private String measureApplied;
    private String businessItem;
    private BigDecimal amount;
    private String explanation;
    private String liftReason;
    private Instant dueTodayRemindedAt;
    private Instant overdueRemindedAt;

    /** The full persisted state; only the repository restores a task this way. */
    SanctionTask(UUID taskId, UUID listingId, long listingVersion, String subjectKey, String listTypeCode,
                 String agencyCode, String measureCode, String measure, int measureVersion,
                 boolean confirmationRequired, LocalDate respondBy, TaskState state, Instant initiatedAt,
                 Instant respondedAt, Instant implementedAt, Instant fedBackAt, Instant liftedAt,
                 String measureApplied, String businessItem, BigDecimal amount, String explanation,
                 String liftReason, Instant dueTodayRemindedAt, Instant overdueRemindedAt) {
        this.taskId = Objects.requireNonNull(taskId, "taskId");
        this.listingId = Objects.requireNonNull(listingId, "listingId");
        this.listingVersion = listingVersion;
        this.subjectKey = Objects.requireNonNull(subjectKey, "subjectKey");
        this.listTypeCode = Objects.requireNonNull(listTypeCode, "listTypeCode");
        this.agencyCode = Objects.requireNonNull(agencyCode, "agencyCode");
        this.measureCode = Objects.requireNonNull(measureCode, "measureCode");
        this.measure = Objects.requireNonNull(measure, "measure");
        this.measureVersion = measureVersion;
        this.confirmationRequired = confirmationRequired;
        this.respondBy = respondBy;
        this.state = Objects.requireNonNull(state, "state");
        this.initiatedAt = Objects.requireNonNull(initiatedAt, "initiatedAt");
        this.respondedAt = respondedAt;
        this.implementedAt = implementedAt;
        this.fedBackAt = fedBackAt;
        this.liftedAt = liftedAt;
        this.measureApplied = measureApplied;
        this.businessItem = businessItem;
        this.amount = amount;
        this.explanation = explanation;
        this.liftReason = liftReason;
        this.dueTodayRemindedAt = dueTodayRemindedAt;
        this.overdueRemindedAt = overdueRemindedAt;
    }

    /**
     * 发起: ask the measure's agency to apply it to the listed subject.
     *
     * @param respondBy the last working day to respond ({@link ResponseDeadline}); null if it could not be counted
     */
    public static SanctionTask initiate(UUID taskId, UUID listingId, long listingVersion, String subjectKey,
                                        Measure measure, LocalDate respondBy, Instant at) {
        return new SanctionTask(taskId, listingId, listingVersion, subjectKey, measure.listTypeCode(),
                measure.agencyCode(), measure.measureCode(), measure.measure(), measure.version(),
                measure.confirmationRequired(), respondBy, TaskState.INITIATED, at,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Applies an agency's answer if it moves the task forward. */
    public Outcome answer(Answer answer) {
        if (state == TaskState.LIFTED) {
            return Outcome.TASK_LIFTED;
        }
        TaskState target = answer.reaches();
        if (!target.isAfter(state)) {
            return Outcome.UNCHANGED;
        }
        Instant at = answer.at();
        // every step up to the target happened no later than the answer says the target did
        if (respondedAt == null) {
            respondedAt = at;
        }
        if (target != TaskState.RESPONDED && implementedAt == null) {
            implementedAt = at;
        }
        if (target == TaskState.FED_BACK) {
            fedBackAt = at;
        }
        if (answer instanceof Answer.Implemented implemented) {
            businessItem = implemented.businessItem();
        } else if (answer instanceof Answer.FedBack feedback) {
            measureApplied = feedback.measureApplied();
            if (feedback.businessItem() != null) {
                businessItem = feedback.businessItem();
            }
            amount = feedback.amount();
            explanation = feedback.explanation();
        }
        state = target;
        return Outcome.ADVANCED;
    }

    /**
     * R13: the listing exited or its record was corrected or superseded, the measure stops; the loop's history stays.
     *
     * @param reason why, as the agency is told
     */
    public Outcome lift(String reason, Instant at) {
        if (state == TaskState.LIFTED) {
            return Outcome.UNCHANGED;
        }
        state = TaskState.LIFTED;
        liftedAt = Objects.requireNonNull(at, "at");
        liftReason = Objects.requireNonNull(reason, "reason");
        return Outcome.ADVANCED;
    }

    /**
     * R8 (003 §18 自动提醒): the reminder this task is due on {@code today}, if any; each kind is sent once.
     */
    public Optional<Reminder> reminderDue(LocalDate today) {
        return ResponseDeadline.reminderDue(state, respondBy, today)
                .filter(kind -> remindedAt(kind) == null)
                .map(kind -> new Reminder(kind, respondBy));
    }

    /** Records that the reminder went out; false (nothing changed) if it was not due or was already sent. */
    public boolean remind(Reminder.Kind kind, LocalDate today, Instant at) {
        Optional<Reminder> due = reminderDue(today);
        if (due.isEmpty() || due.get().kind() != kind) {
            return false;
        }
        if (kind == Reminder.Kind.DUE_TODAY) {
            dueTodayRemindedAt = Objects.requireNonNull(at, "at");
        } else {
            overdueRemindedAt = Objects.requireNonNull(at, "at");
        }
        return true;
    }

    /**
     * R8: whether this agency's part of the loop is done: fed back, or for a measure that needs no confirmation,
     * responded to. A lifted task is not closed: its measure stopped before the loop was (R13).
     */
    public boolean isClosed() {
        return closedAt() != null;
    }

    /** When this agency's part of the loop closed ({@link #isClosed()}); null while it is open or lifted. */
    public Instant closedAt() {
        if (state == TaskState.LIFTED) {
            return null;
        }
        return confirmationRequired ? fedBackAt : respondedAt;
    }

    /** Whether the agency has not responded and its deadline has passed ({@code today} is after it). */
    public boolean isOverdue(LocalDate today) {
        return ResponseDeadline.isOverdue(state, respondBy, today);
    }

    private Instant remindedAt(Reminder.Kind kind) {
        return kind == Reminder.Kind.DUE_TODAY ? dueTodayRemindedAt : overdueRemindedAt;
    }

    public UUID taskId() {
        return taskId;
    }

    public UUID listingId() {
        return listingId;
    }

    public long listingVersion() {
        return listingVersion;
    }

    public String subjectKey() {
        return subjectKey;
    }

    public String listTypeCode() {
        return listTypeCode;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String measureCode() {
        return measureCode;
    }

    public String measure() {
        return measure;
    }

    public int measureVersion() {
        return measureVersion;
    }

    public boolean confirmationRequired() {
        return confirmationRequired;
    }

    /** The last working day to respond, inclusive; null if the calendar could not count it. */
    public LocalDate respondBy() {
        return respondBy;
    }

    public String liftReason() {
        return liftReason;
    }

    public Instant dueTodayRemindedAt() {
        return dueTodayRemindedAt;
    }

    public Instant overdueRemindedAt() {
        return overdueRemindedAt;
    }

    public TaskState state() {
        return state;
    }

    public Instant initiatedAt() {
        return initiatedAt;
    }

    public Instant respondedAt() {
        return respondedAt;
    }

    public Instant implementedAt() {
        return implementedAt;
    }

    public Instant fedBackAt() {
        return fedBackAt;
    }

    public Instant liftedAt() {
        return liftedAt;
    }

    public String measureApplied() {
        return measureApplied;
    }

    public String businessItem() {
        return businessItem;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String explanation() {
        return explanation;
    }

    @Override
    public String toString() {
        return "SanctionTask[" + taskId + " " + agencyCode + "/" + measureCode + " " + state + "]";
    }
}
