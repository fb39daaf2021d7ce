package io.creditloop.repair.listing.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.Inbox;
import io.creditloop.messaging.PoisonMessageException;
import io.creditloop.repair.listing.ListingRefService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Feeds the listing read model from {@code identification.listing.events}. A message that is not a usable listing
 * event is poison and goes to the dead-letter topic; a repeated event id is skipped by the inbox; a type this build
 * does not know (a newer version published beside v1) is skipped.
 */
@Component
class ListingEventsListener {

    static final String CONSUMER = "repair.listing-events";

    private static final Logger log = LoggerFactory.getLogger(ListingEventsListener.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final ListingRefService listings;

    ListingEventsListener(EventCodec codec, Inbox inbox, ListingRefService listings) {
        this.codec = codec;
        this.inbox = inbox;
        this.listings = listings;
    }

    @KafkaListener(topics = Topics.LISTING_EVENTS, groupId = "repair-service")
    void on(String message) {
        Envelope<Object> event = codec.decode(message);
        try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.id())) {
            handle(event);
        }
    }

    private void handle(Envelope<Object> event) {
        Object data = event.data();
        if (data instanceof ListingConfirmed c) {
            check(event, c.listingId(), c.listType(), c.subject(), c.recognisingDepartment());
        } else if (data instanceof ListingCorrected c) {
            check(event, c.listingId(), c.listType(), c.subject(), c.recognisingDepartment());
        } else if (data instanceof ListingExited e) {
            check(event, e.listingId(), e.listType(), e.subject(), e.recognisingDepartment());
        } else {
            log.info("event {} of type {} is not read by this service: skipped", event.id(), event.type());
            return;
        }
        if (!inbox.handleOnce(CONSUMER, event, this::apply)) {
            log.info("event {} ({}) was already handled: skipped", event.id(), event.type());
        }
    }

    private void apply(Envelope<Object> event) {
        Object data = event.data();
        if (data instanceof ListingConfirmed c) {
            listings.confirmed(c);
        } else if (data instanceof ListingCorrected c) {
            listings.corrected(c);
        } else if (data instanceof ListingExited e) {
            listings.exited(e);
        }
    }

    /** The fields the read model cannot do without; the schema requires them too. */
    private static void check(Envelope<?> event, UUID listingId, ListType type, Subject subject,
                              String department) {
        require(event, listingId != null, "listingId");
        require(event, department != null && !department.isBlank(), "recognisingDepartment");
        require(event, type != null && type.code() != null && !type.code().isBlank(), "listType code");
        require(event, subject != null && subject.type() != null && subject.name() != null
                && !subject.name().isBlank(), "subject type and name");
    }

    private static void require(Envelope<?> event, boolean present, String what) {
        if (!present) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " lacks " + what);
        }
    }
}
