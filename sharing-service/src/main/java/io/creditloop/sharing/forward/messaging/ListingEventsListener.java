package io.creditloop.sharing.forward.messaging;

import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.ListingEventHandler;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.sharing.forward.ForwardService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every listing, exit and correction is forwarded upstream (R6). Decoding, schema checks, de-duplication and
 * dead-lettering are the {@link ListingEventStream}'s.
 */
@Component
class ListingEventsListener implements ListingEventHandler {

    static final String CONSUMER = "sharing.listing-events";

    private final ListingEventStream stream;
    private final ForwardService forwards;

    ListingEventsListener(ListingEventStream stream, ForwardService forwards) {
        this.stream = stream;
        this.forwards = forwards;
    }

    @KafkaListener(topics = Topics.LISTING_EVENTS, groupId = "sharing-service",
            containerFactory = ListingEventStream.BACKGROUND_BATCHES)
    void on(List<ConsumerRecord<String, String>> records) {
        stream.acceptAll(CONSUMER, records, this);
    }

    /** A poll's events together (issue 9); one by one, after a failed batch, through the methods below. */
    @Override
    public void handleAll(List<Object> events) {
        forwards.applyAll(events);
    }

    @Override
    public void confirmed(ListingConfirmed event) {
        forwards.listingConfirmed(event);
    }

    @Override
    public void corrected(ListingCorrected event) {
        forwards.listingCorrected(event);
    }

    @Override
    public void exited(ListingExited event) {
        forwards.listingExited(event);
    }
}
