package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transactional outbox. {@link #append} must run inside the transaction that changes state, so the state change
 * and its event commit or roll back together; {@link OutboxRelay} publishes committed rows to Kafka, on its
 * schedule and, promptly, once a transaction that appended events has committed ({@link OutboxScheduler}).
 * Each row keeps the request id the event was appended for ({@link CurrentRequestId}, or the message's own,
 * {@link Message#forRequest}), which the relay puts on the Kafka record: no extra statement, a column of the same insert.
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox (event_id, topic, message_key, event_type, payload, listing_id, request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    /** Per event class: its {@code listingId} record component, if it has one. */
    private static final Map<Class<?>, Optional<RecordComponent>> LISTING_ID = new ConcurrentHashMap<>();

    /**
     * One event to append: the topic, its message key (the partitioning key) and the event. Its row keeps the request
     * id the thread works for ({@link CurrentRequestId#of}), unless the message was given its own ({@link #forRequest}).
     *
     * @param ownRequestId whether {@code requestId} is the message's own, rather than the thread's
     * @param requestId    the message's own request id ({@code null}: none), if {@code ownRequestId}
     */
    public record Message(String topic, String key, Envelope<?> event, boolean ownRequestId, String requestId) {

        public Message(String topic, String key, Envelope<?> event) {
            this(topic, key, event, false, null);
        }

        /**
         * This message appended for request {@code id} ({@code null}: for none), whatever the thread works for:
         * events of several requests appended together each keep their own (issue 9).
         */
        public Message forRequest(String id) {
            return new Message(topic, key, event, true, id);
        }

        String requestIdFor(UUID listingId) {
            return ownRequestId ? requestId : CurrentRequestId.of(listingId);
        }
    }

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final PayloadProtection protection;
    private volatile Runnable afterCommit = () -> {
    };
    /** Issue 9: what committed here goes to the relay from memory. */
    private final CommittedPayloads committed = new CommittedPayloads(COMMITTED_CAPACITY);

    /** About 10 MB of events' JSON at most: an intake's chunks waiting for the relay, not a backlog. */
    static final int COMMITTED_CAPACITY = 5_000;

    public Outbox(JdbcTemplate jdbc, EventCodec codec) {
        this(jdbc, codec, PayloadProtection.NONE);
    }

    /** {@code protection} seals the personal data of each event before it is stored (ID numbers, issue 8). */
    public Outbox(JdbcTemplate jdbc, EventCodec codec, PayloadProtection protection) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.protection = protection;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, Envelope<?> event) {
        insert(new Message(topic, key, event));
    }

    private void insert(Message m) {
        Envelope<?> event = m.event();
        String json = codec.encode(event);
        UUID listingId = listingId(event);
        jdbc.update(INSERT, UUID.fromString(event.id()), m.topic(), m.key(), event.type(), protection.seal(json),
                listingId, m.requestIdFor(listingId));
        signalAfterCommit().put(UUID.fromString(event.id()).toString(), json);
    }

    /**
     * {@link #append} for many events, in one {@code COPY} (issue 9: a chunk of an intake's events costs the database
     * and the driver far less than as INSERTs); they are relayed in this order. A single event is one {@code INSERT}
     * instead: a {@code COPY} takes two round trips (its start, then its data and end) and is parsed anew each time,
     * a prepared {@code INSERT} one (issue 9: the audit record of a person's credit check).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Message> messages) {
        if (messages.size() == 1) {
            insert(messages.get(0));
            return;
        }
        CopyRows rows = new CopyRows("outbox", "event_id", "topic", "message_key", "event_type", "payload",
                "listing_id", "request_id");
        Map<String, String> json = new java.util.LinkedHashMap<>();
        for (Message m : messages) {
            String text = codec.encode(m.event());
            json.put(UUID.fromString(m.event().id()).toString(), text);
            UUID listingId = listingId(m.event());
            rows.row(UUID.fromString(m.event().id()), m.topic(), m.key(), m.event().type(), protection.seal(text),
                    listingId, m.requestIdFor(listingId));
        }
        rows.copy(jdbc);
        signalAfterCommit().putAll(json);
    }

    /** What to run once a transaction that appended events has committed: the relay's prompt start. */
    void afterCommit(Runnable action) {
        this.afterCommit = action;
    }

    /** The relay's source of committed events' JSON (issue 9). */
    CommittedPayloads committed() {
        return committed;
    }

    /**
     * Once per transaction, however many events it appends: after the commit, the transaction's events join
     * {@link #committed} and the relay is prompted; after a rollback they are dropped.
     *
     * @return where to put the transaction's events' JSON, by event id
     */
    @SuppressWarnings("unchecked")
    private Map<String, String> signalAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new java.util.HashMap<>(); // not kept: the relay reads them from the table
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<String, String>) bound;
        }
        Map<String, String> appended = new java.util.LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(this, appended);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
                if (status == STATUS_COMMITTED) {
                    committed.addAll(appended);
                    afterCommit.run();
                }
            }
        });
        return appended;
    }

    /**
     * R11 (001 §19): the outbox keeps no event of an erroneous listing. Rows already relayed are deleted now (the
     * events live on in Kafka only; there are such rows only with a {@code published-retention}, by default the relay
     * deletes every row it sends); rows not relayed yet, including those appended earlier in this transaction
     * (the exit itself, the lifts), are marked and deleted by {@link OutboxRelay} as soon as they are sent.
     * Rows are found by the listing id their event names ({@code data.listingId}).
     *
     * @return how many relayed rows were deleted now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(UUID listingId) {
        // marking first: it waits for a relay that holds an unsent row; if the relay sends and commits meanwhile, the
        // row is no longer unsent, is not marked, and the delete after it (a new snapshot) finds it sent
        jdbc.update("UPDATE outbox SET erase_after_relay = TRUE WHERE listing_id = ? AND published_at IS NULL",
                listingId);
        return jdbc.update("DELETE FROM outbox WHERE listing_id = ? AND published_at IS NOT NULL", listingId);
    }

    /** The {@code listingId} the event's data names, if its record has such a component. */
    static UUID listingId(Envelope<?> event) {
        Object data = event.data();
        if (data == null || !data.getClass().isRecord()) {
            return null;
        }
        Optional<RecordComponent> component = LISTING_ID.computeIfAbsent(data.getClass(), type -> {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("listingId") && c.getType() == UUID.class) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        });
        if (component.isEmpty()) {
            return null;
        }
        try {
            return (UUID) component.get().getAccessor().invoke(data);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read listingId of " + data.getClass().getName(), e);
        }
    }
}
