package io.creditloop.sanction.check.messaging;

import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.ListingEventHandler;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.sanction.check.CheckReadModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Feeds the credit check's read model from the listing events, with a consumer group and inbox of its own: the read
 * model is rebuilt from the topic independently of the loop, and a slow loop never delays a check.
 */
@Component
class CheckListingEventsListener implements ListingEventHandler {

    static final String CONSUMER = "sanction.check";

    private final ListingEventStream stream;
    private final CheckReadModel readModel;

    CheckListingEventsListener(ListingEventStream stream, CheckReadModel readModel) {
        this.stream = stream;
        this.readModel = readModel;
    }

    @KafkaListener(id = "sanction-check", topics = Topics.LISTING_EVENTS,
            groupId = "${creditloop.sanction.check.consumer-group:sanction-service.check}",
            containerFactory = ListingEventStream.BACKGROUND_BATCHES)
    void on(List<ConsumerRecord<String, String>> records) {
        stream.acceptAll(CONSUMER, records, this);
    }

    /** A poll's events together (issue 9); one by one, after a failed batch, through the methods below. */
    @Override
    public void handleAll(List<Object> events) {
        readModel.applyAll(events);
    }

    @Override
    public void confirmed(ListingConfirmed event) {
        readModel.confirmed(event);
    }

    @Override
    public void corrected(ListingCorrected event) {
        readModel.corrected(event);
    }

    @Override
    public void exited(ListingExited event) {
        readModel.exited(event);
    }
}
