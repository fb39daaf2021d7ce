package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Transactional outbox. {@link #append} must run inside the transaction that changes state, so the state change
 * and its event commit or roll back together; {@link OutboxRelay} publishes committed rows to Kafka.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;

    public Outbox(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, Envelope<?> event) {
        jdbc.sql("""
                        INSERT INTO outbox (event_id, topic, message_key, event_type, payload)
                        VALUES (:eventId, :topic, :key, :type, :payload)""")
                .param("eventId", UUID.fromString(event.id()))
                .param("topic", topic)
                .param("key", key)
                .param("type", event.type())
                .param("payload", codec.encode(event))
                .update();
    }
}
