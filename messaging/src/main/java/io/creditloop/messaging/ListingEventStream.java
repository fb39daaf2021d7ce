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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * How every service follows {@code identification.listing.events}: decode (a malformed or schema-violating message
 * is poison and goes to the DLT), tag the log lines with the event id, run the handler in a transaction, and skip
 * types this build does not read. Stale and repeated versions are the handler's to drop, with {@link AppliedVersions}
 * written in that transaction (or a row's own version), since what a stale correction means differs per service:
 * that guard also makes a redelivered event change nothing, so listing events take no inbox row
 * ({@link Inbox#handleBatchVersioned}; issue 9).
 * <p>
 * Listeners take the records of one poll as a batch ({@link #BATCHES}, {@link #acceptAll}): the events before the
 * first poison message are handled in one transaction, handed to the handler together
 * ({@link ListingEventHandler#handleAll}, so it can write their rows in few statements); if that fails, they are
 * handled one by one, each by the handler's per-event method, so that
 * those before the failing event are kept and the failing one alone is retried (infrastructure) or dead-lettered
 * (its own fault), which {@link BatchListenerFailedException} tells the container's error handler.
 * <p>
 * A record's request id ({@link CurrentRequestId#carriedBy}) is in the logging context while its event is handled,
 * and the events the handler appends carry it on.
 */
public class ListingEventStream {

    /** The container factory of batch listeners ({@code @KafkaListener(containerFactory = BATCHES)}). */
    public static final String BATCHES = "listingEventBatches";

    /**
     * The container factory of batch listeners whose work can wait half a second for a fuller fetch (issue 9): all
     * but the one that initiates sanctions, whose delay is the loop's latency. See {@link MessagingProperties}.
     */
    public static final String BACKGROUND_BATCHES = "listingEventBackgroundBatches";

    private static final Logger log = LoggerFactory.getLogger(ListingEventStream.class);
    private static final LogAccessor HEADER_LOG = new LogAccessor(ListingEventStream.class);

    private final EventCodec codec;
    private final Inbox inbox;

    public ListingEventStream(EventCodec codec, Inbox inbox) {
        this.codec = codec;
        this.inbox = inbox;
    }

    /**
     * The records of one poll, in order. Returns how many events were handed to the handler (each event id once; a
     * repeated version among them is the handler's to drop); throws
     * {@link BatchListenerFailedException} naming the first record that could not be handled, after every record
     * before it was.
     */
    public int acceptAll(String consumer, List<ConsumerRecord<String, String>> records, ListingEventHandler handler) {
        List<Envelope<Object>> events = new ArrayList<>(records.size());
        Map<String, String> requestIds = new HashMap<>();
        RuntimeException poison = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                Envelope<Object> event = decode(record);
                events.add(event);
                String requestId = CurrentRequestId.carriedBy(record);
                if (requestId != null) {
                    requestIds.put(event.id(), requestId);
                }
            } catch (RuntimeException e) {
                poison = e;
                break;
            }
        }
        int handled;
        try {
            List<Envelope<Object>> readable = events.stream().filter(e -> readable(consumer, e)).toList();
            handled = inbox.handleBatchVersioned(consumer, readable,
                    fresh -> handleTagged(fresh, requestIds, handler));
        } catch (RuntimeException batchFailed) {
            log.info("a batch of {} events failed for {} ({}); handling them one by one", events.size(), consumer,
                    batchFailed.toString());
            handled = 0;
            for (int i = 0; i < events.size(); i++) {
                try {
                    if (acceptDecoded(consumer, events.get(i), requestIds.get(events.get(i).id()), handler)) {
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

    private boolean acceptDecoded(String consumer, Envelope<Object> event, String requestId,
                                  ListingEventHandler handler) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", event.id());
             CurrentRequestId.Scope request = CurrentRequestId.open(requestId)) {
            if (!readable(consumer, event)) {
                return false;
            }
            inbox.handleVersioned(consumer, event, e -> ListingEventHandler.dispatch(e.data(), handler));
            return true;
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

    /**
     * The batch's log lines carry the ids of its first and last event (one by one, each line its own), and the
     * request id if its events share one. Events the handler appends carry the request id of the listing event they
     * follow: one for the whole batch when there is one, else per listing ({@link CurrentRequestId#byListing}); if a
     * listing came twice in the batch with different request ids, the batch is handed over in runs of one request
     * id each (same transaction, same order).
     */
    private static void handleTagged(List<Envelope<Object>> fresh, Map<String, String> requestIds,
                                     ListingEventHandler handler) {
        String ids = fresh.size() == 1 ? fresh.get(0).id()
                : fresh.get(0).id() + ".." + fresh.get(fresh.size() - 1).id() + " (" + fresh.size() + ")";
        try (MDC.MDCCloseable ignored = MDC.putCloseable("eventId", ids)) {
            String first = requestIds.get(fresh.get(0).id());
            if (fresh.stream().allMatch(e -> Objects.equals(first, requestIds.get(e.id())))) {
                try (CurrentRequestId.Scope request = CurrentRequestId.open(first)) {
                    handler.handleAll(fresh.stream().map(Envelope::data).toList());
                }
                return;
            }
            Map<UUID, String> byListing = new HashMap<>();
            boolean conflict = false;
            for (Envelope<Object> event : fresh) {
                UUID listingId = Outbox.listingId(event);
                String requestId = requestIds.get(event.id());
                if (listingId == null) {
                    continue;
                }
                if (byListing.containsKey(listingId) && !Objects.equals(byListing.get(listingId), requestId)) {
                    conflict = true;
                    break;
                }
                byListing.put(listingId, requestId);
            }
            if (!conflict) {
                try (CurrentRequestId.Scope none = CurrentRequestId.open(null);
                     CurrentRequestId.Scope request = CurrentRequestId.byListing(byListing)) {
                    handler.handleAll(fresh.stream().map(Envelope::data).toList());
                }
                return;
            }
            int from = 0;
            for (int i = 1; i <= fresh.size(); i++) {
                String run = requestIds.get(fresh.get(from).id());
                if (i == fresh.size() || !Objects.equals(requestIds.get(fresh.get(i).id()), run)) {
                    try (CurrentRequestId.Scope request = CurrentRequestId.open(run)) {
                        handler.handleAll(fresh.subList(from, i).stream().map(Envelope::data).toList());
                    }
                    from = i;
                }
            }
        }
    }
}
