package io.creditloop.sanction.listing.messaging;

import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.ListingEventHandler;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.sanction.listing.ListingChanges;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A confirmed listing starts the loop (R8), an exit or correction lifts its measures (R13, R10/R11), and agencies
 * watching the subject are told. Decoding, schema checks, de-duplication and dead-lettering are the
 * {@link ListingEventStream}'s; stale versions are dropped by {@link ListingChanges}.
 */
@Component
class ListingEventsListener implements ListingEventHandler {

    static final String CONSUMER = "sanction.listing-events";

    private final ListingEventStream stream;
    private final ListingChanges changes;

    ListingEventsListener(ListingEventStream stream, ListingChanges changes) {
        this.stream = stream;
        this.changes = changes;
    }

    @KafkaListener(id = "sanction-listing-events", topics = Topics.LISTING_EVENTS, groupId = "sanction-service",
            containerFactory = ListingEventStream.BATCHES)
    void on(List<ConsumerRecord<String, String>> records) {
        stream.acceptAll(CONSUMER, records, this);
    }

    /** A poll's events together (issue 9); one by one, after a failed batch, through the methods below. */
    @Override
    public void handleAll(List<Object> events) {
        changes.applyAll(events);
    }

    @Override
    public void confirmed(ListingConfirmed event) {
        changes.confirmed(event);
    }

    @Override
    public void corrected(ListingCorrected event) {
        changes.corrected(event);
    }

    @Override
    public void exited(ListingExited event) {
        changes.exited(event);
    }
}
