package io.creditloop.publication.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.messaging.Inbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox (messaging module) forgets handled events after its retention, and only those; here on a real schema. */
@SpringBootTest
class InboxRetentionIT {

    @Autowired
    Inbox inbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("entries older than the retention are forgotten; a recent event delivered again is still a duplicate")
    void forgetsOnlyOldEntries() {
        String consumer = "retention-" + UUID.randomUUID();
        Envelope<String> old = Envelope.of("/test", "test.v1", Instant.now(), "s", "old");
        Envelope<String> recent = Envelope.of("/test", "test.v1", Instant.now(), "s", "recent");
        remember(consumer, old, Duration.ofDays(15));
        remember(consumer, recent, Duration.ofDays(1));

        assertThat(inbox.forget(Duration.ofDays(14))).isPositive();

        assertThat(remembered(consumer)).containsExactly(recent.id());
        boolean[] ran = {false};
        assertThat(inbox.handleOnce(consumer, recent, e -> ran[0] = true)).isFalse();
        assertThat(ran[0]).isFalse();
        assertThat(inbox.handleOnce(consumer, old, e -> ran[0] = true)).isTrue();
        assertThat(ran[0]).isTrue();
    }

    private void remember(String consumer, Envelope<?> event, Duration ago) {
        jdbc.sql("INSERT INTO processed_message (consumer, message_id, processed_at) "
                        + "VALUES (:consumer, :id, now() - make_interval(secs => :secs))")
                .param("consumer", consumer).param("id", event.id()).param("secs", (double) ago.toSeconds())
                .update();
    }

    private java.util.List<String> remembered(String consumer) {
        return jdbc.sql("SELECT message_id FROM processed_message WHERE consumer = :consumer")
                .param("consumer", consumer).query(String.class).list();
    }
}
