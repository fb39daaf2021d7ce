package io.creditloop.sanction.task.messaging;

import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.ListingEventHandler;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.sanction.task.TaskService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A confirmed listing starts the loop (R8), an exit lifts its measures (R13). Decoding, schema checks, de-duplication and
 * dead-lettering are the {@link ListingEventStream}'s.
 */
@Component
class ListingEventsListener implements ListingEventHandler {

    static final String CONSUMER = "sanction.listing-events";

    private final ListingEventStream stream;
    private final TaskService tasks;

    ListingEventsListener(ListingEventStream stream, TaskService tasks) {
        this.stream = stream;
        this.tasks = tasks;
    }

    @KafkaListener(id = "sanction-listing-events", topics = Topics.LISTING_EVENTS, groupId = "sanction-service")
    void on(String message) {
        stream.accept(CONSUMER, message, this);
    }

    @Override
    public void confirmed(ListingConfirmed event) {
        tasks.initiate(event);
    }

    @Override
    public void corrected(ListingCorrected event) {
        tasks.recordCorrection(event);
    }

    @Override
    public void exited(ListingExited event) {
        tasks.lift(event);
    }
}
