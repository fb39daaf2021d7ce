package io.creditloop.sanction.task;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.sanction.v1.SanctionTaskInitiated;
import io.creditloop.contracts.sanction.v1.SanctionTaskLifted;
import io.creditloop.sanction.measure.Measure;

/** The one place where tasks become contract events; every event is keyed and subjected by the subject key. */
public final class TaskEvents {

    public static final String SOURCE = "/sanction-service";

    private TaskEvents() {
    }

    /** R8 发起: what the agency needs to apply the measure without asking back. */
    public static Envelope<SanctionTaskInitiated> initiated(SanctionTask task, Measure measure,
                                                            ListingConfirmed listing) {
        SanctionTaskInitiated data = new SanctionTaskInitiated(task.taskId(), task.listingId(),
                task.listingVersion(), task.agencyCode(), task.measureCode(), task.measure(), measure.legalBasis(),
                listing.listType(), listing.subject(), listing.reason(), listing.validUntil(), task.initiatedAt());
        return Envelope.of(SOURCE, EventTypes.TASK_INITIATED, task.initiatedAt(), task.subjectKey(), data);
    }

    /** R13: the agency stops applying the measure. */
    public static Envelope<SanctionTaskLifted> lifted(SanctionTask task, String reason) {
        if (task.liftedAt() == null) {
            throw new IllegalArgumentException("task " + task.taskId() + " is not lifted");
        }
        SanctionTaskLifted data = new SanctionTaskLifted(task.taskId(), task.listingId(), task.agencyCode(),
                task.measureCode(), reason, task.liftedAt());
        return Envelope.of(SOURCE, EventTypes.TASK_LIFTED, task.liftedAt(), task.subjectKey(), data);
    }
}
