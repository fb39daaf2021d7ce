package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * How every service follows {@code identification.listing.events}: decode (a malformed or schema-violating message
 * is poison and goes to the DLT), tag the log lines with the event id, run the handler once per event id in the
 * inbox transaction, and skip types this build does not read. Stale versions are the handler's to drop, with
 * {@link AppliedVersions}, since what a stale correction means differs per service.
 * <p>
 * Listeners take the records of one poll as a batch ({@link #BATCHES}, {@link #acceptAll}): the events before the
 * first poison message are handled in one inbox transaction, handed to the handler together
 * ({@link ListingEventHandler#handleAll}, so it can write their rows in few statements); if that fails, they are
 * handled one by one, each by the handler's per-event method, so that
 * those before the failing event are kept and the failing one alone is retried (infrastructure) or dead-lettered
 * (its own fault), which {@link BatchListenerFailedException} tells the container's error handler.
 */
public class ListingEventStream {

    /** The container factory of batch listeners ({@code @KafkaListener(containerFactory = BATCHES)}). */
    public static final String BATCHES = "listingEventBatches";

    private static final Logger log = LoggerFactory.getLogger(ListingEventStream.class);
    private static final LogAccessor HEADER_LOG = new LogAccessor(ListingEventStream.class);

    private final EventCodec codec;
    private final Inbox inbox;

    public ListingEventStream(EventCodec codec, Inbox inbox) {
        this.codec = codec;
        this.inbox = inbox;
    }

    /**
     * The records of one poll, in order. Returns how many events the handler ran for; throws
     * {@link BatchListenerFailedException} naming the first record that could not be handled, after every record
     * before it was.
     */
    public int acceptAll(String consumer, List<ConsumerRecord<String, String>> records, ListingEventHandler handler) {
        List<Envelope<Object>> events = new ArrayList<>(records.size());
        RuntimeException poison = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(decode(record));
            } catch (RuntimeException e) {
                poison = e;
                break;
            }
        }
        int handled;
        try {
            List<Envelope<Object>> readable = events.stream().filter(e -> readable(consumer, e)).toList();
            handled = inbox.handleBatchOnce(consumer, readable, fresh -> handleTagged(fresh, handler));
        } catch (RuntimeException batchFailed) {
            log.info("a batch of {} events failed for {} ({}); handling them one by one", events.size(), consumer,
                    batchFailed.toString());
            handled = 0;
            for (int i = 0; i < events.size(); i++) {
                try {
                    if (acceptDecoded(consumer, events.get(i), handler)) {
                        handled++;
                    }
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("event " + events.get(i).id() + " failed", e,
                            records.get(i));
                }
            }
        }
        if (poison != null) {
            throw new BatchListenerFailedException(poison.getMessage(), poison, records.get(events.size()));
        }
        return handled;
    }

    private Envelope<Object> decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // the value could not even be read as UTF-8 text: the deserializer's own exception is the reason
            DeserializationException failed = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
            if (failed != null) {
                throw failed;
            }
        }
        return codec.decode(record.value());
    }

    private boolean acceptDecoded(String consumer, Envelope<Object> event, ListingEventHandler handler) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.id())) {
            if (!readable(consumer, event)) {
                return false;
            }
            boolean handled = inbox.handleOnce(consumer, event, e -> ListingEventHandler.dispatch(e.data(), handler));
            if (!handled) {
                log.info("event {} ({}) was already handled by {}: skipped", event.id(), event.type(), consumer);
            }
            return handled;
        }
    }

    private static boolean readable(String consumer, Envelope<Object> event) {
        Object data = event.data();
        if (data instanceof ListingConfirmed || data instanceof ListingCorrected || data instanceof ListingExited) {
            return true;
        }
        log.debug("event {} of type {} is not read by {}: skipped", event.id(), event.type(), consumer);
        return false;
    }

    /** The batch's log lines carry the ids of its first and last event (one by one, each line its own). */
    private static void handleTagged(List<Envelope<Object>> fresh, ListingEventHandler handler) {
        String ids = fresh.size() == 1 ? fresh.get(0).id()
                : fresh.get(0).id() + ".." + fresh.get(fresh.size() - 1).id() + " (" + fresh.size() + ")";
        try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", ids)) {
            handler.handleAll(fresh.stream().map(Envelope::data).toList());
        }
    }
}
