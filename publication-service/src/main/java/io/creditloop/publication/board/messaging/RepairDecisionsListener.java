package io.creditloop.publication.board.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.Inbox;
import io.creditloop.publication.board.BoardService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * R12 (b): repair-service's decisions from {@code repair.case.events}; the board notes a rectification. Other repair
 * events are not read here. A malformed message is poison ({@code repair.case.events.dlt}); a repeated one is skipped
 * by the inbox.
 */
@Component
class RepairDecisionsListener {

    static final String CONSUMER = "publication.repair-decisions";
    private static final Logger log = LoggerFactory.getLogger(RepairDecisionsListener.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final BoardService board;

    RepairDecisionsListener(EventCodec codec, Inbox inbox, BoardService board) {
        this.codec = codec;
        this.inbox = inbox;
        this.board = board;
    }

    @KafkaListener(topics = Topics.REPAIR_EVENTS, groupId = "publication-service.repair-decisions")
    void on(String message) {
        Envelope<Object> event = codec.decode(message);
        if (!(event.data() instanceof DecisionMade)) {
            log.debug("event {} of type {} is not read here: skipped", event.id(), event.type());
            return;
        }
        inbox.handleOnce(CONSUMER, event, e -> board.decisionMade((DecisionMade) e.data()));
    }
}
