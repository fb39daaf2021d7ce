package io.creditloop.sanction.task;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.sanction.v1.SanctionTaskAlreadyLifted;
import io.creditloop.contracts.sanction.v1.SanctionTaskInitiated;
import io.creditloop.contracts.sanction.v1.SanctionTaskLifted;
import io.creditloop.contracts.sanction.v1.SanctionTaskReminder;
import io.creditloop.sanction.measure.Measure;

import java.time.Instant;

/** The one place where tasks become contract events; every event is keyed and subjected by the subject key. */
public final class TaskEvents {

    public static final String SOURCE = "/sanction-service";

    private TaskEvents() {
    }

    /** R8 发起: what the agency needs to apply the measure without asking back. */
    public static Envelope<SanctionTaskInitiated> initiated(SanctionTask task, Measure measure,
                                                            ListingInForce listing) {
        SanctionTaskInitiated data = new SanctionTaskInitiated(task.taskId(), task.listingId(),
                task.listingVersion(), task.agencyCode(), task.measureCode(), task.measure(), measure.legalBasis(),
                listing.listType(), listing.subject(), listing.reason(), listing.validUntil(), task.initiatedAt(),
                task.measureVersion(), measure.scenarios().stream().map(Enum::name).toList(),
                task.confirmationRequired(), task.respondBy());
        return Envelope.of(SOURCE, EventTypes.TASK_INITIATED, task.initiatedAt(), task.subjectKey(), data);
    }

    /** R13: the agency stops applying the measure. */
    public static Envelope<SanctionTaskLifted> lifted(SanctionTask task) {
        if (task.liftedAt() == null) {
            throw new IllegalArgumentException("task " + task.taskId() + " is not lifted");
        }
        SanctionTaskLifted data = new SanctionTaskLifted(task.taskId(), task.listingId(), task.agencyCode(),
                task.measureCode(), task.liftReason(), task.liftedAt());
        return Envelope.of(SOURCE, EventTypes.TASK_LIFTED, task.liftedAt(), task.subjectKey(), data);
    }

    /** R8 (003 §18): the agency has not responded by its deadline, or the deadline is today. */
    public static Envelope<SanctionTaskReminder> reminder(SanctionTask task, Reminder reminder, Instant at) {
        SanctionTaskReminder data = new SanctionTaskReminder(task.taskId(), task.listingId(), task.agencyCode(),
                task.measureCode(), reminder.kind().name(), reminder.respondBy(), task.state().name(), at);
        return Envelope.of(SOURCE, EventTypes.TASK_REMINDER, at, task.subjectKey(), data);
    }

    /** R13: the agency's answer came for a task that was lifted; it changed nothing. */
    public static Envelope<SanctionTaskAlreadyLifted> alreadyLifted(SanctionTask task, String answerType,
                                                                    String answerId, Instant at) {
        SanctionTaskAlreadyLifted data = new SanctionTaskAlreadyLifted(task.taskId(), task.listingId(),
                task.agencyCode(), task.measureCode(), answerType, answerId, task.liftReason(), task.liftedAt(), at);
        return Envelope.of(SOURCE, EventTypes.TASK_ALREADY_LIFTED, at, task.subjectKey(), data);
    }
}
