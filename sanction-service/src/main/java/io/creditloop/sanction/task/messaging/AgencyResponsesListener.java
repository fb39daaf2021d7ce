package io.creditloop.sanction.task.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.PoisonMessageException;
import io.creditloop.sanction.task.AgencyAnswers;
import io.creditloop.sanction.task.AnswerService;
import io.creditloop.sanction.task.ForeignTaskException;
import io.creditloop.sanction.task.UnknownTaskException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * R8 respond / implement / feedback from every agency's response topic, handed to the {@link AnswerService} that the
 * REST endpoint uses too. An agency may only answer its own tasks: an answer whose agency is not the topic's or the
 * task's, or that names an unknown task, can never succeed and goes straight to the dead-letter topic with the reason.
 */
@Component
class AgencyResponsesListener {

    static final String CONSUMER = AnswerService.CONSUMER;

    private static final Logger log = LoggerFactory.getLogger(AgencyResponsesListener.class);

    private final EventCodec codec;
    private final AnswerService answers;

    AgencyResponsesListener(EventCodec codec, AnswerService answers) {
        this.codec = codec;
        this.answers = answers;
    }

    // a group of its own: discovering a new agency's topic rebalances only this subscription
    @KafkaListener(id = "sanction-agency-responses", topicPattern = ResponseTopics.PATTERN,
            groupId = "sanction-service.agency-responses")
    void on(ConsumerRecord<String, String> record) {
        Envelope<Object> event = codec.decode(record.value());
        String topicAgency = ResponseTopics.agencyOf(record.topic());
        try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.id())) {
            Optional<AgencyAnswers.AgencyAnswer> answer = AgencyAnswers.from(event);
            if (answer.isEmpty()) {
                log.info("skipping {} event {}: not an answer this service reads", event.type(), event.id());
                return;
            }
            if (!topicAgency.equals(answer.get().agencyCode())) {
                throw new PoisonMessageException("answer " + event.id() + " of agency " + answer.get().agencyCode()
                        + " came on the response topic of agency " + topicAgency);
            }
            try {
                answers.accept(event, AnswerService.Channel.KAFKA);
            } catch (UnknownTaskException | ForeignTaskException e) {
                throw new PoisonMessageException(e.getMessage(), e);
            }
        }
    }
}
