package io.creditloop.sanction.task.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.Inbox;
import io.creditloop.messaging.PoisonMessageException;
import io.creditloop.sanction.task.TaskService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Listing events from identification: a confirmed listing starts the loop (R8), an exit stops it (R13). */
@Component
class ListingEventsListener {

    static final String CONSUMER = "sanction.listing-events";

    private static final Logger log = LoggerFactory.getLogger(ListingEventsListener.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final TaskService tasks;

    ListingEventsListener(EventCodec codec, Inbox inbox, TaskService tasks) {
        this.codec = codec;
        this.inbox = inbox;
        this.tasks = tasks;
    }

    @KafkaListener(id = "sanction-listing-events", topics = Topics.LISTING_EVENTS, groupId = "sanction-service")
    void on(ConsumerRecord<String, String> record) {
        Envelope<Object> event = codec.decode(record.value());
        try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.id())) {
            inbox.handleOnce(CONSUMER, event, this::apply);
        }
    }

    private void apply(Envelope<Object> event) {
        Object data = event.data();
        if (data instanceof ListingConfirmed confirmed) {
            require(event, confirmed.listingId() != null && confirmed.listType() != null
                    && confirmed.listType().code() != null && confirmed.subject() != null
                    && confirmed.subject().key() != null, "listingId, listType.code and subject.key");
            tasks.initiate(confirmed);
        } else if (data instanceof ListingExited exited) {
            require(event, exited.listingId() != null, "listingId");
            tasks.lift(exited);
        } else if (data instanceof ListingCorrected corrected) {
            require(event, corrected.listingId() != null, "listingId");
            tasks.recordCorrection(corrected);
        } else {
            log.info("skipping {} event {}: not a listing event this service reads", event.type(), event.id());
        }
    }

    // the codec maps JSON onto the record but does not enforce the schema's required fields
    private static void require(Envelope<?> event, boolean present, String fields) {
        if (!present) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " lacks " + fields);
        }
    }
}
