package io.creditloop.sanction.task.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.Inbox;
import io.creditloop.messaging.PoisonMessageException;
import io.creditloop.sanction.task.ForeignTaskException;
import io.creditloop.sanction.task.TaskService;
import io.creditloop.sanction.task.UnknownTaskException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * R8 respond / implement / feedback from every agency's response topic. An agency may only answer its own tasks:
 * an answer whose agency is not the topic's or the task's, or that names an unknown task, can never succeed and
 * goes straight to the dead-letter topic with the reason.
 */
@Component
class AgencyResponsesListener {

    static final String CONSUMER = "sanction.agency-responses";

    private static final Logger log = LoggerFactory.getLogger(AgencyResponsesListener.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final TaskService tasks;

    AgencyResponsesListener(EventCodec codec, Inbox inbox, TaskService tasks) {
        this.codec = codec;
        this.inbox = inbox;
        this.tasks = tasks;
    }

    // a group of its own: discovering a new agency's topic rebalances only this subscription
    @KafkaListener(id = "sanction-agency-responses", topicPattern = ResponseTopics.PATTERN,
            groupId = "sanction-service.agency-responses")
    void on(ConsumerRecord<String, String> record) {
        Envelope<Object> event = codec.decode(record.value());
        String topicAgency = ResponseTopics.agencyOf(record.topic());
        try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.id())) {
            inbox.handleOnce(CONSUMER, event, e -> apply(topicAgency, e));
        }
    }

    private void apply(String topicAgency, Envelope<Object> event) {
        Optional<AgencyAnswers.AgencyAnswer> answer = AgencyAnswers.from(event);
        if (answer.isEmpty()) {
            log.info("skipping {} event {}: not an answer this service reads", event.type(), event.id());
            return;
        }
        AgencyAnswers.AgencyAnswer given = answer.get();
        if (!topicAgency.equals(given.agencyCode())) {
            throw new PoisonMessageException("answer " + event.id() + " of agency " + given.agencyCode()
                    + " came on the response topic of agency " + topicAgency);
        }
        try {
            tasks.answer(given.taskId(), given.agencyCode(), given.answer());
        } catch (UnknownTaskException | ForeignTaskException e) {
            throw new PoisonMessageException(e.getMessage(), e);
        }
    }
}
