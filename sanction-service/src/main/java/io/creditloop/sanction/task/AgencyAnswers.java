package io.creditloop.sanction.task;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.sanction.v1.FeedbackGiven;
import io.creditloop.contracts.sanction.v1.MeasureImplemented;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.messaging.PoisonMessageException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The one place where agency response events (on Kafka or through REST) become domain answers. */
public final class AgencyAnswers {

    /** An answer with the task it is for and the agency that says it gave it. */
    public record AgencyAnswer(UUID taskId, String agencyCode, Answer answer) {
    }

    private AgencyAnswers() {
    }

    /**
     * Empty for a type that is not an agency answer (e.g. a newer version this build does not read).
     *
     * @throws PoisonMessageException if the answer names no task or no agency
     */
    public static Optional<AgencyAnswer> from(Envelope<?> event) {
        Object data = event.data();
        if (data instanceof TaskResponded responded) {
            return Optional.of(answer(event, responded.taskId(), responded.agencyCode(),
                    new Answer.Responded(orEventTime(responded.respondedAt(), event))));
        }
        if (data instanceof MeasureImplemented implemented) {
            return Optional.of(answer(event, implemented.taskId(), implemented.agencyCode(),
                    new Answer.Implemented(implemented.businessItem(),
                            orEventTime(implemented.implementedAt(), event))));
        }
        if (data instanceof FeedbackGiven feedback) {
            return Optional.of(answer(event, feedback.taskId(), feedback.agencyCode(),
                    new Answer.FedBack(feedback.measureApplied(), feedback.businessItem(), feedback.amount(),
                            feedback.explanation(), orEventTime(feedback.fedBackAt(), event))));
        }
        return Optional.empty();
    }

    private static AgencyAnswer answer(Envelope<?> event, UUID taskId, String agencyCode, Answer answer) {
        if (taskId == null) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " names no taskId");
        }
        if (agencyCode == null || agencyCode.isBlank()) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " names no agencyCode");
        }
        return new AgencyAnswer(taskId, agencyCode, answer);
    }

    // the step's own time is optional on the wire; the envelope's time is when the agency stated the fact
    private static Instant orEventTime(Instant at, Envelope<?> event) {
        return at != null ? at : event.time();
    }
}
