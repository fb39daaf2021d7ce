package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Idempotent consumer. The handler runs in one transaction together with the insert of
 * {@code processed_message(consumer, event id)}; {@code INSERT ... ON CONFLICT DO NOTHING} returning 0 rows means
 * the event was already handled, and the handler is skipped. Never check-then-insert.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Counter duplicates;
    private final MeterRegistry meters;
    private final java.util.Map<String, Counter> handledCounters = new java.util.concurrent.ConcurrentHashMap<>();

    public Inbox(JdbcClient jdbc, TransactionTemplate tx, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.meters = meters;
        this.duplicates = meters.counter("creditloop.inbox.duplicates");
    }

    /** Runs {@code handler} once per (consumer, event id); returns false for a repeated delivery. */
    public <T> boolean handleOnce(String consumer, Envelope<T> event, Consumer<Envelope<T>> handler) {
        Boolean handled = tx.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO processed_message (consumer, message_id) VALUES (:consumer, :id)
                            ON CONFLICT DO NOTHING""")
                    .param("consumer", consumer)
                    .param("id", event.id())
                    .update();
            if (inserted == 0) {
                return false;
            }
            handler.accept(event);
            return true;
        });
        if (!Boolean.TRUE.equals(handled)) {
            duplicates.increment();
            return false;
        }
        handled(consumer).increment();
        return true;
    }

    /**
     * Runs {@code handler} for each event of {@code events} not yet handled by {@code consumer}, in order, all in one
     * transaction with one insert of their ids: a batch from one poll costs one commit instead of one per event. If
     * the handler fails for any event, nothing of the batch is kept (the caller then goes event by event, to keep
     * what precedes the failing one). An id repeated within the batch is handled once. Returns how many ran.
     */
    public <T> int handleAllOnce(String consumer, List<Envelope<T>> events, Consumer<Envelope<T>> handler) {
        return handleBatchOnce(consumer, events, fresh -> fresh.forEach(handler));
    }

    /**
     * {@link #handleAllOnce}, with the events not yet handled given to {@code handler} together, in order (each id
     * once), so it can write their rows with few statements; not called if there are none. Returns how many there
     * were.
     */
    public <T> int handleBatchOnce(String consumer, List<Envelope<T>> events, Consumer<List<Envelope<T>>> handler) {
        if (events.isEmpty()) {
            return 0;
        }
        String[] ids = events.stream().map(Envelope::id).distinct().toArray(String[]::new);
        Integer ran = tx.execute(status -> {
            Set<String> fresh = new HashSet<>(jdbc.sql("""
                            INSERT INTO processed_message (consumer, message_id)
                            SELECT :consumer, id FROM unnest(CAST(:ids AS text[])) AS id
                            ON CONFLICT DO NOTHING RETURNING message_id""")
                    .param("consumer", consumer)
                    .param("ids", ids)
                    .query(String.class)
                    .list());
            List<Envelope<T>> toHandle = new ArrayList<>(fresh.size());
            for (Envelope<T> event : events) {
                if (fresh.remove(event.id())) { // first occurrence only
                    toHandle.add(event);
                }
            }
            if (!toHandle.isEmpty()) {
                handler.accept(toHandle);
            }
            return toHandle.size();
        });
        int handled = ran == null ? 0 : ran;
        if (events.size() > handled) {
            duplicates.increment(events.size() - handled);
        }
        handled(consumer).increment(handled);
        return handled;
    }

    /**
     * For events whose handler drops a repeat itself, by a version it writes in the same transaction
     * ({@link AppliedVersions}, {@link ListingVersions}, or a row's own version column): the events go to
     * {@code handler} together in one transaction, each id once, and no {@code processed_message} row is written. A
     * listing event is read by seven consumer groups; their version rows already make a redelivery change nothing,
     * so an inbox row each was a second guard costing seven rows per listing (issue 9). Returns how many ran.
     */
    public <T> int handleBatchVersioned(String consumer, List<Envelope<T>> events,
                                        Consumer<List<Envelope<T>>> handler) {
        if (events.isEmpty()) {
            return 0;
        }
        Set<String> seen = new HashSet<>();
        List<Envelope<T>> toHandle = new ArrayList<>(events.size());
        for (Envelope<T> event : events) {
            if (seen.add(event.id())) {
                toHandle.add(event);
            }
        }
        tx.executeWithoutResult(status -> handler.accept(toHandle));
        if (events.size() > toHandle.size()) {
            duplicates.increment(events.size() - toHandle.size());
        }
        handled(consumer).increment(toHandle.size());
        return toHandle.size();
    }

    /** {@link #handleBatchVersioned} for one event. */
    public <T> void handleVersioned(String consumer, Envelope<T> event, Consumer<Envelope<T>> handler) {
        tx.executeWithoutResult(status -> handler.accept(event));
        handled(consumer).increment();
    }

    /** Events this instance handled, per consumer: with several instances, each one's share. */
    private Counter handled(String consumer) {
        return handledCounters.computeIfAbsent(consumer, c -> Counter.builder("creditloop.inbox.handled")
                .tag("consumer", c).description("Events handled (first delivery) by this instance").register(meters));
    }

    /**
     * Forgets the events handled more than {@code retention} ago: they are no longer in any topic, so they cannot be
     * delivered again (an old event replayed from elsewhere still meets each consumer's version guard). Without this
     * the table grows by a row per event for ever. Returns the rows deleted.
     */
    public int forget(Duration retention) {
        return jdbc.sql("DELETE FROM processed_message WHERE processed_at < now() - make_interval(secs => :secs)")
                .param("secs", (double) retention.toSeconds())
                .update();
    }
}
