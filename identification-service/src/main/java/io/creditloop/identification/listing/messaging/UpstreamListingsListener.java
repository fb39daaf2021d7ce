package io.creditloop.identification.listing.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.sharing.v1.UpstreamListingReceived;
import io.creditloop.identification.listing.ListingService;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Lists made upstream (R4, R5, R13), as sharing-service received them. A malformed message is poison and goes to
 * {@code sharing.upstream.listings.dlt}; a repeated one is skipped by the inbox; a stale revision changes nothing.
 */
@Component
class UpstreamListingsListener {

    static final String CONSUMER = "identification.upstream-listings";
    private static final Logger log = LoggerFactory.getLogger(UpstreamListingsListener.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final ListingService listings;

    UpstreamListingsListener(EventCodec codec, Inbox inbox, ListingService listings) {
        this.codec = codec;
        this.inbox = inbox;
        this.listings = listings;
    }

    @KafkaListener(topics = Topics.UPSTREAM_LISTINGS, groupId = "identification-service")
    void on(String message) {
        Envelope<Object> event = codec.decode(message);
        if (!(event.data() instanceof UpstreamListingReceived)) {
            log.info("event {} of type {} is not read here: skipped", event.id(), event.type());
            return;
        }
        inbox.handleOnce(CONSUMER, event, e -> listings.upstreamReceived((UpstreamListingReceived) e.data()));
    }
}
