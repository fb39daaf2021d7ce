package io.creditloop.identification.listing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.Outbox;
import io.creditloop.messaging.PayloadProtection;
import io.creditloop.testsupport.Identifiers;
import io.creditloop.testsupport.TestServers;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: the relay sends the events this process committed from memory instead of reading them back; what reaches
 * Kafka is the event as it was made (R16: the ID number sealed in the table, in clear on the topic, as before),
 * the same whichever way the relay found it, and a rolled-back event never goes out.
 */
@SpringBootTest(properties = "creditloop.identification.lifecycle-enabled=false")
class OutboxRelayIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Outbox outbox;
    @Autowired
    EventCodec codec;
    @Autowired
    PayloadProtection protection;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    TopicProbe listingEvents;

    @BeforeEach
    void probe() {
        listingEvents = TopicProbe.of(TestServers.get().kafkaBootstrapServers(), Topics.LISTING_EVENTS);
    }

    @AfterEach
    void close() {
        listingEvents.close();
    }

    @Test
    @DisplayName("R16: an event committed here goes out as it was made, equal to its stored (sealed) row opened")
    void committedHereSentAsMade() throws Exception {
        String idNumber = Identifiers.residentId();
        Envelope<ListingConfirmed> event = confirmed(idNumber);

        tx.executeWithoutResult(status -> outbox.appendAll(List.of(
                new Outbox.Message(Topics.LISTING_EVENTS, event.subject(), event))));

        ConsumerRecord<String, String> sent = listingEvents.awaitOne(r -> event.id().equals(ceId(r)),
                Duration.ofSeconds(20));
        String stored = storedPayload(event.id());
        assertThat(stored).doesNotContain(idNumber);
        assertThat(sent.value()).isEqualTo(codec.encode(event)).contains(idNumber);
        assertThat(JSON.readTree(sent.value())).isEqualTo(JSON.readTree(protection.open(stored)));
        assertThat(sent.key()).isEqualTo(event.subject());
    }

    @Test
    @DisplayName("R16: an event stored by another instance (not in this one's memory) is read, opened and sent as made")
    void storedElsewhereReadAndOpened() throws Exception {
        String idNumber = Identifiers.residentId();
        Envelope<ListingConfirmed> event = confirmed(idNumber);
        String json = codec.encode(event);

        jdbc.sql("""
                        INSERT INTO outbox (event_id, topic, message_key, event_type, payload)
                        VALUES (:id, :topic, :key, :type, :payload)""")
                .param("id", UUID.fromString(event.id())).param("topic", Topics.LISTING_EVENTS)
                .param("key", event.subject()).param("type", event.type()).param("payload", protection.seal(json))
                .update();

        ConsumerRecord<String, String> sent = listingEvents.awaitOne(r -> event.id().equals(ceId(r)),
                Duration.ofSeconds(20));
        assertThat(storedPayload(event.id())).doesNotContain(idNumber);
        assertThat(JSON.readTree(sent.value())).isEqualTo(JSON.readTree(json));
        assertThat(sent.value()).contains(idNumber);
    }

    @Test
    @DisplayName("an event whose transaction rolled back is neither stored nor sent, while a later one is")
    void rolledBackNeverSent() {
        Envelope<ListingConfirmed> lost = confirmed(Identifiers.residentId());
        Envelope<ListingConfirmed> kept = confirmed(Identifiers.residentId());

        tx.executeWithoutResult(status -> {
            outbox.appendAll(List.of(new Outbox.Message(Topics.LISTING_EVENTS, lost.subject(), lost)));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> outbox.append(Topics.LISTING_EVENTS, kept.subject(), kept));

        listingEvents.awaitOne(r -> kept.id().equals(ceId(r)), Duration.ofSeconds(20));
        assertThat(listingEvents.drain(r -> lost.id().equals(ceId(r)), Duration.ofSeconds(2))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE event_id = :id")
                .param("id", UUID.fromString(lost.id())).query(Long.class).single()).isZero();
    }

    private String storedPayload(String eventId) {
        return jdbc.sql("SELECT payload FROM outbox WHERE event_id = :id").param("id", UUID.fromString(eventId))
                .query(String.class).single();
    }

    private static String ceId(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("ce_id");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Envelope<ListingConfirmed> confirmed(String idNumber) {
        Instant now = Instant.now();
        String key = "ID:RESIDENT_ID:relay-it-" + UUID.randomUUID();
        ListingConfirmed data = new ListingConfirmed(UUID.randomUUID(), 2,
                new ListType("COURT_DEFAULTER", 1, "失信被执行人", ListKind.BLACK, "court", true),
                new Subject(key, SubjectType.PERSON, "周九", null, "RESIDENT_ID", idNumber, null),
                "有履行能力而拒不履行", "（2025）鄂02执9号", "court", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 1), null, now);
        return Envelope.of("/identification-service", EventTypes.LISTING_CONFIRMED, now, key, data);
    }
}
