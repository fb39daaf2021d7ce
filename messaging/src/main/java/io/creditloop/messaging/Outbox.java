package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Transactional outbox. {@link #append} must run inside the transaction that changes state, so the state change
 * and its event commit or roll back together; {@link OutboxRelay} publishes committed rows to Kafka.
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox (event_id, topic, message_key, event_type, payload) VALUES (?, ?, ?, ?, ?)""";

    /** One event to append: the topic, its message key (the partitioning key) and the event. */
    public record Message(String topic, String key, Envelope<?> event) {
    }

    private final JdbcTemplate jdbc;
    private final EventCodec codec;

    public Outbox(JdbcTemplate jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, Envelope<?> event) {
        jdbc.update(INSERT, UUID.fromString(event.id()), topic, key, event.type(), codec.encode(event));
    }

    /** {@link #append} for many events, in batched statements; they are relayed in this order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Message> messages) {
        jdbc.batchUpdate(INSERT, messages, 500, (ps, m) -> {
            ps.setObject(1, UUID.fromString(m.event().id()));
            ps.setString(2, m.topic());
            ps.setString(3, m.key());
            ps.setString(4, m.event().type());
            ps.setString(5, codec.encode(m.event()));
        });
    }
}
