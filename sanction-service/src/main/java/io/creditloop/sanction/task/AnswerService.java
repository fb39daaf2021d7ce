package io.creditloop.sanction.task;

import io.creditloop.contracts.Envelope;
import io.creditloop.messaging.Inbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * R8 respond / implement / feedback, the one way in for agency answers: the Kafka listener of the response topics and
 * the REST endpoint for agencies without a Kafka client both come here with the same contract events, so the same
 * answer leaves the same state whichever way it came. Answers are de-duplicated by event id across both ways (one
 * inbox consumer), so an agency that retries over REST what it already sent over Kafka changes nothing.
 */
@Service
public class AnswerService {

    /** The inbox consumer of every agency answer, whichever way it came. */
    public static final String CONSUMER = "sanction.agency-responses";

    /** How the answer came; an answer over Kafka to a lifted task is answered on the agency's task topic. */
    public enum Channel { KAFKA, REST }

    private final Inbox inbox;
    private final TaskService tasks;

    public AnswerService(Inbox inbox, TaskService tasks) {
        this.inbox = inbox;
        this.tasks = tasks;
    }

    /**
     * Applies one answer once.
     *
     * @throws NotAnAnswerException if the event is no agency answer this build reads
     * @throws UnknownTaskException if it names a task this service never initiated
     * @throws ForeignTaskException if the task belongs to another agency
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public AnswerReceipt accept(Envelope<Object> event, Channel channel) {
        AgencyAnswers.AgencyAnswer given = AgencyAnswers.from(event)
                .orElseThrow(() -> new NotAnAnswerException(event.type()));
        AnswerReceipt[] receipt = new AnswerReceipt[1];
        boolean handled = inbox.handleOnce(CONSUMER, event, e -> {
            receipt[0] = tasks.answer(given.taskId(), given.agencyCode(), given.answer());
            if (receipt[0].outcome() == Outcome.TASK_LIFTED && channel == Channel.KAFKA) {
                tasks.noteAnswerToLiftedTask(receipt[0].task(), event.type(), event.id());
            }
        });
        if (handled) {
            return receipt[0];
        }
        // a repeated delivery: report where the task stands, changing nothing
        SanctionTask task = tasks.task(given.taskId()).orElseThrow(() -> new UnknownTaskException(given.taskId()));
        if (!task.agencyCode().equals(given.agencyCode())) {
            throw new ForeignTaskException(given.taskId(), given.agencyCode(), task.agencyCode());
        }
        Outcome outcome = task.state() == TaskState.LIFTED ? Outcome.TASK_LIFTED : Outcome.UNCHANGED;
        return new AnswerReceipt(outcome, task, true);
    }

    /** The answer's task id, as the event names it; empty for an event that is no answer. */
    public static Optional<java.util.UUID> taskIdOf(Envelope<Object> event) {
        return AgencyAnswers.from(event).map(AgencyAnswers.AgencyAnswer::taskId);
    }
}
