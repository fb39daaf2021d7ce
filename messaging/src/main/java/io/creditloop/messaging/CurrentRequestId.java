package io.creditloop.messaging;

import io.creditloop.contracts.RequestIds;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The request id ({@link RequestIds}) the current thread works for: the logging context's {@code requestId}, set by
 * the security module's servlet filter for an HTTP request, by {@link #open} for an event carrying one (the
 * listener containers and {@link ListingEventStream} do it) or for background work resumed for a request (intake).
 * {@link Outbox} stores it with every event appended, so the events a request causes, and the events those cause in
 * turn, carry the same id. Work that no request started (schedulers) has none.
 * <p>
 * A batch of listing events from several requests, handled together, cannot have one id in the logging context:
 * there {@link #byListing} tells, per listing, the id of the event that listing came with, and {@link #of} answers
 * for an event about that listing.
 */
public final class CurrentRequestId {

    private static final ThreadLocal<Map<UUID, String>> BY_LISTING = new ThreadLocal<>();

    private CurrentRequestId() {
    }

    /** What the current thread works for, or {@code null}. */
    public static String get() {
        return MDC.get(RequestIds.MDC_KEY);
    }

    /**
     * The id for an event about {@code listingId} (may be {@code null}): in a batch of several requests' events the
     * id that listing's event came with, else {@link #get()}.
     */
    public static String of(UUID listingId) {
        Map<UUID, String> byListing = BY_LISTING.get();
        if (byListing != null && listingId != null) {
            String id = byListing.get(listingId);
            if (id != null) {
                return id;
            }
        }
        return get();
    }

    /** A scope working for {@code id} ({@code null}: for none); on close the previous id is back. */
    public static Scope open(String id) {
        String previous = get();
        put(id);
        return () -> put(previous);
    }

    /** A scope in which {@link #of} answers by listing; nested scopes are not supported (a batch is never nested). */
    static Scope byListing(Map<UUID, String> ids) {
        BY_LISTING.set(ids);
        return BY_LISTING::remove;
    }

    /** The well-formed request id a Kafka record carries in its {@value RequestIds#HEADER} header, else null. */
    public static String carriedBy(ConsumerRecord<?, ?> record) {
        return carriedBy(record.headers());
    }

    static String carriedBy(Headers headers) {
        Header header = headers.lastHeader(RequestIds.HEADER);
        if (header == null || header.value() == null || header.value().length > RequestIds.MAX_LENGTH) {
            return null;
        }
        return RequestIds.orNone(new String(header.value(), StandardCharsets.US_ASCII));
    }

    private static void put(String id) {
        if (id == null) {
            MDC.remove(RequestIds.MDC_KEY);
        } else {
            MDC.put(RequestIds.MDC_KEY, id);
        }
    }

    /** Closes without an exception. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
