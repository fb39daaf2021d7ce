package io.creditloop.identification.listing.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.identification.listing.ListingService;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Decisions repair-service made on listings (R10-R12, R15), from {@code repair.case.events}: an objection upheld as
 * erroneous, a repair, a revoked red listing. Other repair events (objection filed, deadline alarms) are not read
 * here. A malformed message is poison and goes to {@code repair.case.events.dlt}; a repeated one is skipped by the
 * inbox; a decision on a listing that already exited changes nothing.
 */
@Component
class RepairDecisionsListener {

    static final String CONSUMER = "identification.repair-decisions";
    private static final Logger log = LoggerFactory.getLogger(RepairDecisionsListener.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final ListingService listings;

    RepairDecisionsListener(EventCodec codec, Inbox inbox, ListingService listings) {
        this.codec = codec;
        this.inbox = inbox;
        this.listings = listings;
    }

    @KafkaListener(topics = Topics.REPAIR_EVENTS, groupId = "identification-service")
    void on(String message) {
        Envelope<Object> event = codec.decode(message);
        if (!(event.data() instanceof DecisionMade)) {
            log.debug("event {} of type {} is not read here: skipped", event.id(), event.type());
            return;
        }
        inbox.handleOnce(CONSUMER, event, e -> listings.applyRepairDecision((DecisionMade) e.data()));
    }
}
