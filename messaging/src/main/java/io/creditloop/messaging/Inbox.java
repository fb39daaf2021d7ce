package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
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
        // events this instance handled, per consumer: with several instances, each one's share
        handledCounters.computeIfAbsent(consumer, c -> Counter.builder("creditloop.inbox.handled").tag("consumer", c)
                .description("Events handled (first delivery) by this instance").register(meters)).increment();
        return true;
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
