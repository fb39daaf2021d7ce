package io.creditloop.contracts;

import io.creditloop.contracts.audit.v1.PersonalDataRead;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.contracts.repair.v1.ObjectionDeadlineAlarm;
import io.creditloop.contracts.repair.v1.ObjectionFiled;
import io.creditloop.contracts.repair.v1.RepairDeadlineAlarm;
import io.creditloop.contracts.sanction.v1.FeedbackGiven;
import io.creditloop.contracts.sanction.v1.MeasureImplemented;
import io.creditloop.contracts.sanction.v1.SanctionTaskAlreadyLifted;
import io.creditloop.contracts.sanction.v1.SanctionTaskInitiated;
import io.creditloop.contracts.sanction.v1.SanctionTaskLifted;
import io.creditloop.contracts.sanction.v1.SanctionTaskReminder;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.contracts.sanction.v1.WatchNotice;
import io.creditloop.contracts.sharing.v1.ForwardAtRisk;
import io.creditloop.contracts.sharing.v1.ForwardDelivered;
import io.creditloop.contracts.sharing.v1.ForwardOverdue;
import io.creditloop.contracts.sharing.v1.ForwardRejected;
import io.creditloop.contracts.sharing.v1.UpstreamListingReceived;

import java.util.Map;
import java.util.Optional;

/**
 * The one registry of event types: the versioned CloudEvents {@code type} and the record its data maps to.
 * Within v1 only optional fields are added; a breaking change is a new v2 type published beside v1.
 */
public final class EventTypes {

    public static final String LISTING_CONFIRMED = "listing.confirmed.v1";
    public static final String LISTING_EXITED = "listing.exited.v1";
    public static final String LISTING_CORRECTED = "listing.corrected.v1";
    public static final String TASK_INITIATED = "sanction.task.initiated.v1";
    public static final String TASK_LIFTED = "sanction.task.lifted.v1";
    public static final String TASK_RESPONDED = "agency.task.responded.v1";
    public static final String MEASURE_IMPLEMENTED = "agency.measure.implemented.v1";
    public static final String FEEDBACK_GIVEN = "agency.feedback.given.v1";
    public static final String FORWARD_DELIVERED = "sharing.forward.delivered.v1";
    public static final String FORWARD_REJECTED = "sharing.forward.rejected.v1";
    public static final String FORWARD_AT_RISK = "sharing.forward.at-risk.v1";
    public static final String FORWARD_OVERDUE = "sharing.forward.overdue.v1";
    public static final String OBJECTION_FILED = "repair.objection.filed.v1";
    public static final String UPSTREAM_LISTING_RECEIVED = "sharing.upstream.listing.received.v1";

    // --- sanction: deadlines, lifted answers, watch lists (R8) ---
    public static final String TASK_REMINDER = "sanction.task.reminder.v1";
    public static final String TASK_ALREADY_LIFTED = "sanction.task.already-lifted.v1";
    public static final String WATCH_NOTICE = "sanction.watch.notice.v1";
    // --- end sanction ---

    // --- repair: objection deadlines, decisions (R10-R12, R15) ---
    public static final String OBJECTION_DEADLINE = "repair.objection.deadline.v1";
    public static final String DECISION_MADE = "repair.decision.made.v1";
    public static final String REPAIR_DEADLINE = "repair.repair.deadline.v1";
    // --- end repair ---

    /** R16: one read of a natural person's unmasked data, from any service, for the audit log. */
    public static final String PERSONAL_DATA_READ = "audit.personal-data-read.v1";

    private static final Map<String, Class<?>> DATA = Map.ofEntries(
            Map.entry(LISTING_CONFIRMED, ListingConfirmed.class),
            Map.entry(LISTING_EXITED, ListingExited.class),
            Map.entry(LISTING_CORRECTED, ListingCorrected.class),
            Map.entry(TASK_INITIATED, SanctionTaskInitiated.class),
            Map.entry(TASK_LIFTED, SanctionTaskLifted.class),
            Map.entry(TASK_RESPONDED, TaskResponded.class),
            Map.entry(MEASURE_IMPLEMENTED, MeasureImplemented.class),
            Map.entry(FEEDBACK_GIVEN, FeedbackGiven.class),
            Map.entry(FORWARD_DELIVERED, ForwardDelivered.class),
            Map.entry(FORWARD_REJECTED, ForwardRejected.class),
            Map.entry(FORWARD_AT_RISK, ForwardAtRisk.class),
            Map.entry(FORWARD_OVERDUE, ForwardOverdue.class),
            Map.entry(OBJECTION_FILED, ObjectionFiled.class),
            Map.entry(UPSTREAM_LISTING_RECEIVED, UpstreamListingReceived.class),
            // --- sanction: deadlines, lifted answers, watch lists (R8) ---
            Map.entry(TASK_REMINDER, SanctionTaskReminder.class),
            Map.entry(TASK_ALREADY_LIFTED, SanctionTaskAlreadyLifted.class),
            Map.entry(WATCH_NOTICE, WatchNotice.class),
            // --- end sanction ---
            // --- repair: objection deadlines, decisions (R10-R12, R15) ---
            Map.entry(OBJECTION_DEADLINE, ObjectionDeadlineAlarm.class),
            Map.entry(REPAIR_DEADLINE, RepairDeadlineAlarm.class),
            Map.entry(DECISION_MADE, DecisionMade.class),
            // --- end repair ---
            Map.entry(PERSONAL_DATA_READ, PersonalDataRead.class)
    );

    private EventTypes() {
    }

    /** The record class of a type's data, empty for a type this build does not know. */
    public static Optional<Class<?>> dataClass(String type) {
        return Optional.ofNullable(DATA.get(type));
    }

    public static Map<String, Class<?>> all() {
        return DATA;
    }
}
