package io.creditloop.messaging;

import io.creditloop.contracts.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in id order, then, in the same database transaction, deletes them (issue 9:
 * {@code published-retention} zero, the default) or marks them published, to be purged once older than the retention
 * (a deployment that keeps sent rows for inspection). A crash between the send and the commit re-sends the batch:
 * delivery is at least once, and every consumer drops repeats (by event id in its inbox, or, for listing events, by
 * the listing version it applied). One relay at a time per schema (a transaction-scoped advisory lock): with
 * several instances, a second relay sending later rows while the first is slow would put a listing's events out
 * of order. A row's request id, if it has one, goes on the record as the {@value RequestIds#HEADER} header.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final int batchSize;
    private final Duration sendTimeout;
    /** Issue 9: zero deletes each row once Kafka has acknowledged it; more keeps it, marked sent, that long. */
    private final boolean keepSent;
    private final Counter relayed;
    private final Counter failures;
    private final PayloadProtection protection;
    /** Issue 9: the JSON of events committed by this process, so most rows need not be read back and opened. */
    private volatile CommittedPayloads committed = new CommittedPayloads(0);

    /** Sent rows are deleted at once (no retention), events go out as stored. */
    public OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate tx,
                       MeterRegistry meters, int batchSize, Duration sendTimeout) {
        this(jdbc, kafka, tx, meters, batchSize, sendTimeout, PayloadProtection.NONE, Duration.ZERO);
    }

    /**
     * {@code protection} opens what {@link Outbox} sealed: the event goes out as it was made.
     * {@code publishedRetention}: zero deletes a row in the transaction that saw it acknowledged; more marks it
     * published ({@code published_at}) and leaves it to {@link #purgePublished}.
     */
    public OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate tx,
                       MeterRegistry meters, int batchSize, Duration sendTimeout, PayloadProtection protection,
                       Duration publishedRetention) {
        this.keepSent = publishedRetention.compareTo(Duration.ZERO) > 0;
        this.protection = protection;
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.tx = tx;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.relayed = meters.counter("creditloop.outbox.relayed");
        this.failures = meters.counter("creditloop.outbox.relay.failures");
        Gauge.builder("creditloop.outbox.pending", this, OutboxRelay::pendingSafely).register(meters);
    }

    /** Sends the events {@code outbox} appended and saw committed from memory (their rows are still read). */
    void sendFromMemory(Outbox outbox) {
        this.committed = outbox.committed();
    }

    /** Relays until the outbox is empty or a send fails; returns how many events went out. */
    public int relayPending() {
        int total = 0;
        while (true) {
            int sent;
            try {
                sent = relayBatch();
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("outbox relay failed, will retry: {} (root cause: {})", e.toString(), rootCause(e).toString());
                recordFailure(e);
                return total;
            }
            total += sent;
            if (sent < batchSize) {
                return total;
            }
        }
    }

    private int relayBatch() {
        Integer sent = tx.execute(status -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql(
                            "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox-relay'))")
                    .query(Boolean.class).single());
            if (!mine) {
                return 0; // another instance is relaying this schema's outbox
            }
            List<Row> rows = jdbc.sql("""
                            SELECT id, topic, message_key, event_type, event_id, request_id, erase_after_relay
                            FROM outbox
                            WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                    .param("limit", batchSize)
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
                            rs.getString("event_type"), rs.getString("event_id"), rs.getString("request_id"),
                            rs.getBoolean("erase_after_relay")))
                    .list();
            if (rows.isEmpty()) {
                committed.forgetIfFull();
                return 0;
            }
            Map<Long, String> payloads = payloads(rows);
            List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(),
                        payloads.get(row.id()));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", row.type().getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_id", row.eventId().getBytes(StandardCharsets.UTF_8));
                if (row.requestId() != null) {
                    record.headers().add(RequestIds.HEADER, row.requestId().getBytes(StandardCharsets.US_ASCII));
                }
                sends.add(kafka.send(record));
            }
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while relaying outbox", e);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge outbox batch", e);
            }
            List<Long> ids = rows.stream().map(Row::id).toList();
            if (!keepSent) {
                // issue 9: a delete, not an update that cannot be HOT (outbox_unpublished names published_at) and is
                // purged later; R11 holds as well, every sent row is gone
                jdbc.sql("DELETE FROM outbox WHERE id IN (:ids)").param("ids", ids).update();
            } else {
                jdbc.sql("UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL "
                                + "WHERE id IN (:ids)")
                        .param("ids", ids)
                        .update();
                // R11: events of an erroneous listing leave the outbox once sent (Outbox#erase; the mark cannot
                // change while the rows are locked here)
                List<Long> erased = rows.stream().filter(Row::eraseAfterRelay).map(Row::id).toList();
                if (!erased.isEmpty()) {
                    jdbc.sql("DELETE FROM outbox WHERE id IN (:ids)").param("ids", erased).update();
                }
            }
            committed.removeAll(rows.stream().map(Row::eventId).toList());
            return rows.size();
        });
        int n = sent == null ? 0 : sent;
        relayed.increment(n);
        return n;
    }

    /**
     * Each row's event as it was made: from memory if this process committed it, else the stored payload, opened.
     */
    private Map<Long, String> payloads(List<Row> rows) {
        Map<Long, String> payloads = new HashMap<>(rows.size() * 2);
        List<Long> unknown = new ArrayList<>();
        for (Row row : rows) {
            String json = committed.get(row.eventId());
            if (json != null) {
                payloads.put(row.id(), json);
            } else {
                unknown.add(row.id());
            }
        }
        if (!unknown.isEmpty()) {
            jdbc.sql("SELECT id, payload FROM outbox WHERE id IN (:ids)")
                    .param("ids", unknown)
                    .query((rs, n) -> payloads.put(rs.getLong("id"), protection.open(rs.getString("payload"))))
                    .list();
        }
        return payloads;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void recordFailure(RuntimeException e) {
        try {
            jdbc.sql("""
                    UPDATE outbox SET attempts = attempts + 1, last_error = :error
                    WHERE id = (SELECT min(id) FROM outbox WHERE published_at IS NULL)""")
                    .param("error", String.valueOf(e.getMessage()))
                    .update();
        } catch (RuntimeException ignored) {
            // the database may be what failed; the next tick retries anyway
        }
    }

    /**
     * Published rows older than the retention are removed; the events live on in Kafka and the state tables. With no
     * retention the relay has deleted them already; this removes what an earlier retention kept.
     */
    public int purgePublished(Duration retention) {
        return jdbc.sql("DELETE FROM outbox WHERE published_at < now() - make_interval(secs => :secs)")
                .param("secs", (double) retention.toSeconds())
                .update();
    }

    public long pending() {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL").query(Long.class).single();
    }

    private double pendingSafely() {
        try {
            return pending();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private record Row(long id, String topic, String key, String type, String eventId, String requestId,
                       boolean eraseAfterRelay) {
    }
}
