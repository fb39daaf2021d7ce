package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * How every service follows {@code identification.listing.events}: decode (a malformed or schema-violating message
 * is poison and goes to the DLT), tag the log lines with the event id, run the handler once per event id in the
 * inbox transaction, and skip types this build does not read. Stale versions are the handler's to drop, with
 * {@link AppliedVersions}, since what a stale correction means differs per service.
 */
public class ListingEventStream {

    private static final Logger log = LoggerFactory.getLogger(ListingEventStream.class);

    private final EventCodec codec;
    private final Inbox inbox;

    public ListingEventStream(EventCodec codec, Inbox inbox) {
        this.codec = codec;
        this.inbox = inbox;
    }

    /** @return whether the handler ran (false: a repeated event, or a type this service does not read) */
    public boolean accept(String consumer, String message, ListingEventHandler handler) {
        Envelope<Object> event = codec.decode(message);
        try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.id())) {
            Object data = event.data();
            if (!(data instanceof ListingConfirmed || data instanceof ListingCorrected || data instanceof ListingExited)) {
                log.info("event {} of type {} is not read by {}: skipped", event.id(), event.type(), consumer);
                return false;
            }
            boolean handled = inbox.handleOnce(consumer, event, e -> dispatch(e.data(), handler));
            if (!handled) {
                log.info("event {} ({}) was already handled by {}: skipped", event.id(), event.type(), consumer);
            }
            return handled;
        }
    }

    private static void dispatch(Object data, ListingEventHandler handler) {
        if (data instanceof ListingConfirmed confirmed) {
            handler.confirmed(confirmed);
        } else if (data instanceof ListingCorrected corrected) {
            handler.corrected(corrected);
        } else if (data instanceof ListingExited exited) {
            handler.exited(exited);
        }
    }
}
