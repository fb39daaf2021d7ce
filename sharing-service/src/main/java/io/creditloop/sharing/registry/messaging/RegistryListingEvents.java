package io.creditloop.sharing.registry.messaging;

import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.ListingEventHandler;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.sharing.registry.RegistryService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * R16: keeps the register's copy of local listings, in a consumer group of its own so forwarding upstream (R6) and
 * the register never wait for each other. Decoding, de-duplication and dead-lettering are the stream's.
 */
@Component
class RegistryListingEvents implements ListingEventHandler {

    static final String CONSUMER = "sharing.registry.listing-events";
    static final String GROUP = "sharing-service.registry";

    private final ListingEventStream stream;
    private final RegistryService registry;

    RegistryListingEvents(ListingEventStream stream, RegistryService registry) {
        this.stream = stream;
        this.registry = registry;
    }

    @KafkaListener(id = "sharing-registry", topics = Topics.LISTING_EVENTS, groupId = GROUP,
            autoStartup = "${creditloop.sharing.registry.follow-listing-events:true}",
            containerFactory = ListingEventStream.BACKGROUND_BATCHES)
    void on(List<ConsumerRecord<String, String>> records) {
        stream.acceptAll(CONSUMER, records, this);
    }

    /** A poll's events together (issue 9); one by one, after a failed batch, through the methods below. */
    @Override
    public void handleAll(List<Object> events) {
        registry.applyAll(events);
    }

    @Override
    public void confirmed(ListingConfirmed event) {
        registry.confirmed(event);
    }

    @Override
    public void corrected(ListingCorrected event) {
        registry.corrected(event);
    }

    @Override
    public void exited(ListingExited event) {
        registry.exited(event);
    }
}
