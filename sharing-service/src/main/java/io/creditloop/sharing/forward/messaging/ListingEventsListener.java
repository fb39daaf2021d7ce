package io.creditloop.sharing.forward.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.Inbox;
import io.creditloop.sharing.forward.ForwardService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Listing events in, forwards out (R6). A repeated event id is skipped by the inbox; a listing version at or below
 * the one already applied (a duplicate or a late, reordered event) changes nothing. Malformed messages go to
 * {@code identification.listing.events.dlt}.
 */
@Component
class ListingEventsListener {

    static final String CONSUMER = "sharing.listing-events";
    static final String LISTING_VERSIONS = "sharing.listing";
    private static final Logger log = LoggerFactory.getLogger(ListingEventsListener.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final AppliedVersions versions;
    private final ForwardService forwards;

    ListingEventsListener(EventCodec codec, Inbox inbox, AppliedVersions versions, ForwardService forwards) {
        this.codec = codec;
        this.inbox = inbox;
        this.versions = versions;
        this.forwards = forwards;
    }

    @KafkaListener(topics = Topics.LISTING_EVENTS)
    void on(String message) {
        Envelope<Object> event = codec.decode(message);
        inbox.handleOnce(CONSUMER, event, this::apply);
    }

    private void apply(Envelope<Object> event) {
        Object data = event.data();
        if (data instanceof ListingConfirmed confirmed) {
            if (newer(event, confirmed.listingId(), confirmed.version())) {
                forwards.listingConfirmed(confirmed);
            }
        } else if (data instanceof ListingExited exited) {
            if (newer(event, exited.listingId(), exited.version())) {
                forwards.listingExited(exited);
            }
        } else if (data instanceof ListingCorrected corrected) {
            if (newer(event, corrected.listingId(), corrected.version())) {
                forwards.listingCorrected(corrected);
            }
        } else {
            log.debug("event {} of type {} is not forwarded", event.id(), event.type());
        }
    }

    private boolean newer(Envelope<Object> event, UUID listingId, long version) {
        if (versions.advance(LISTING_VERSIONS, listingId.toString(), version)) {
            return true;
        }
        log.info("event {} ({} v{} of listing {}) is stale; ignored", event.id(), event.type(), version, listingId);
        return false;
    }
}
