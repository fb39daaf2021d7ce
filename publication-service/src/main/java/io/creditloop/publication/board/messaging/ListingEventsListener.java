package io.creditloop.publication.board.messaging;

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
import io.creditloop.publication.board.BoardService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Feeds the board from {@code identification.listing.events}. A message that is not a usable listing event is
 * poison and goes to the dead-letter topic; a repeated event id is skipped by the inbox; a type this build does
 * not know (a newer version published beside v1) is skipped.
 */
@Component
class ListingEventsListener {

    static final String CONSUMER = "publication.listing-events";

    private static final Logger log = LoggerFactory.getLogger(ListingEventsListener.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final BoardService board;

    ListingEventsListener(EventCodec codec, Inbox inbox, BoardService board) {
        this.codec = codec;
        this.inbox = inbox;
        this.board = board;
    }

    @KafkaListener(topics = Topics.LISTING_EVENTS, groupId = "publication-service")
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
            require(event, c.validFrom() != null, "validFrom");
        } else if (data instanceof ListingCorrected c) {
            check(event, c.listingId(), c.listType(), c.subject(), c.recognisingDepartment());
            require(event, c.validFrom() != null, "validFrom");
        } else if (data instanceof ListingExited e) {
            check(event, e.listingId(), e.listType(), e.subject(), e.recognisingDepartment());
            require(event, e.exitReason() != null && e.exitDate() != null, "exitReason and exitDate");
        } else {
            log.info("event {} of type {} is not read by this service: skipped", event.id(), event.type());
            return;
        }
        boolean handled = inbox.handleOnce(CONSUMER, event, this::apply);
        if (!handled) {
            log.info("event {} ({}) was already handled: skipped", event.id(), event.type());
        }
    }

    private void apply(Envelope<Object> event) {
        Object data = event.data();
        if (data instanceof ListingConfirmed c) {
            board.confirmed(c);
        } else if (data instanceof ListingCorrected c) {
            board.corrected(c);
        } else if (data instanceof ListingExited e) {
            board.exited(e);
        }
    }

    /** The fields the board cannot do without; the schema requires them too. */
    private static void check(Envelope<?> event, UUID listingId, ListType type, Subject subject,
                              String department) {
        require(event, listingId != null, "listingId");
        require(event, !isBlank(department), "recognisingDepartment");
        require(event, type != null && type.kind() != null && !isBlank(type.code()) && !isBlank(type.name()),
                "listType kind, code and name");
        require(event, subject != null && subject.type() != null && !isBlank(subject.name()),
                "subject type and name");
    }

    private static void require(Envelope<?> event, boolean present, String what) {
        if (!present) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " lacks " + what);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
