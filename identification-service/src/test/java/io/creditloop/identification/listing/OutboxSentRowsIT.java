package io.creditloop.identification.listing;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.MessagingProperties;
import io.creditloop.messaging.Outbox;
import io.creditloop.messaging.OutboxRelay;
import io.creditloop.messaging.PayloadProtection;
import io.creditloop.testsupport.Identifiers;
import io.creditloop.testsupport.TestServers;
import io.creditloop.testsupport.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: what the outbox relay does with a row once Kafka has acknowledged it. With no {@code published-retention}
 * (the default) it deletes the row in the same transaction; with one (here 7 days) it marks the row published and the
 * purge deletes it once older than that. Either way every event reaches Kafka exactly once per relay run, and R11
 * (001 §19) holds: an erroneous listing's events are sent, then none of its rows stays.
 * <p>
 * The relays here are the messaging module's {@link OutboxRelay}, the service's Kafka template, and an outbox table
 * made by the messaging migrations in a schema of this test's own: the service's relay (and those of other cached
 * test contexts, which keep sent rows) never sees these rows, and these relays never see the service's.
 */
@SpringBootTest(properties = "creditloop.identification.lifecycle-enabled=false")
class OutboxSentRowsIT {

    private static final int BATCH = 50;

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;

    private final String schema = "outbox_sent_rows_it_" + UUID.randomUUID().toString().substring(0, 8);
    private PGSimpleDataSource dataSource;
    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private Outbox outbox;
    private TopicProbe listingEvents;

    @BeforeEach
    void ownSchema() {
        TestServers.Database database = TestServers.get().database();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password() == null ? "" : database.password());
        dataSource.setCurrentSchema(schema);
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/messaging").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        outbox = new Outbox(new JdbcTemplate(dataSource), codec);
        listingEvents = TopicProbe.of(TestServers.get().kafkaBootstrapServers(), Topics.LISTING_EVENTS);
    }

    @AfterEach
    void dropSchema() {
        listingEvents.close();
        jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    @Test
    @DisplayName("issue 9: sent outbox rows are deleted unless a deployment sets a retention")
    void deleteOnSendIsTheDefault() {
        MessagingProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("creditloop.messaging", MessagingProperties.class);
        assertThat(defaults.publishedRetention()).isEqualTo(Duration.ZERO);
        MessagingProperties kept = new Binder(new MapConfigurationPropertySource(
                Map.of("creditloop.messaging.published-retention", "7d")))
                .bindOrCreate("creditloop.messaging", MessagingProperties.class);
        assertThat(kept.publishedRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    @DisplayName("issue 9, no retention: a relayed batch leaves no outbox row, and each event reached Kafka exactly once")
    void noRetentionDeletesWhatWasSent() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = relay(Duration.ZERO, meters);
        List<Envelope<ListingConfirmed>> events = appendConfirmed(2 * BATCH + 20, UUID.randomUUID());
        assertThat(relay.pending()).isEqualTo(2 * BATCH + 20);

        assertThat(relay.relayPending()).isEqualTo(2 * BATCH + 20);

        assertThat(rows()).as("outbox rows once sent").isZero();
        assertThat(relay.pending()).isZero();
        assertThat(meters.counter("creditloop.outbox.relayed").count()).isEqualTo(2 * BATCH + 20);
        assertSentOnceEach(events);
        assertThat(relay.relayPending()).as("a second run finds nothing to send").isZero();
        assertSentOnceEach(events);
    }

    @Test
    @DisplayName("issue 9, retention 7d: sent rows stay, marked published, and the purge removes only the older ones")
    void retentionKeepsSentRowsUntilPurged() {
        OutboxRelay relay = relay(Duration.ofDays(7), new SimpleMeterRegistry());
        List<Envelope<ListingConfirmed>> events = appendConfirmed(BATCH + 10, UUID.randomUUID());

        assertThat(relay.relayPending()).isEqualTo(BATCH + 10);

        assertSentOnceEach(events);
        assertThat(relay.pending()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NOT NULL AND attempts = 1")
                .query(Long.class).single()).as("rows kept, marked published once").isEqualTo(BATCH + 10);
        // ten rows sent eight days ago, and one row never sent though appended as long ago
        jdbc.sql("UPDATE outbox SET published_at = now() - interval '8 days' WHERE id IN "
                + "(SELECT id FROM outbox ORDER BY id LIMIT 10)").update();
        Envelope<ListingConfirmed> unsent = appendConfirmed(1, UUID.randomUUID()).get(0);
        jdbc.sql("UPDATE outbox SET created_at = now() - interval '8 days' WHERE event_id = :id")
                .param("id", UUID.fromString(unsent.id())).update();

        assertThat(relay.purgePublished(Duration.ofDays(7))).isEqualTo(10);

        assertThat(rows()).isEqualTo(BATCH + 1);
        assertThat(relay.pending()).as("an unsent row is never purged").isOne();
        // a deployment that goes back to no retention: the purge takes what the retention kept, the relay the rest
        OutboxRelay deleting = relay(Duration.ZERO, new SimpleMeterRegistry());
        assertThat(deleting.purgePublished(Duration.ZERO)).isEqualTo(BATCH);
        assertThat(deleting.relayPending()).isOne();
        assertThat(rows()).isZero();
    }

    @Test
    @DisplayName("R11, no retention: an erroneous listing's sent event is gone, its unsent one is relayed, then gone")
    void erasureWithNoRetention() {
        erasure(Duration.ZERO, 0);
    }

    @Test
    @DisplayName("R11, retention 7d: the erasure deletes the sent event, the unsent one is relayed, then deleted")
    void erasureWithRetention() {
        erasure(Duration.ofDays(7), 1);
    }

    private void erasure(Duration retention, int sentRowsErased) {
        OutboxRelay relay = relay(retention, new SimpleMeterRegistry());
        UUID listingId = UUID.randomUUID();
        UUID otherListing = UUID.randomUUID();
        Envelope<ListingConfirmed> sent = appendConfirmed(1, listingId).get(0);
        assertThat(relay.relayPending()).isOne();
        Envelope<ListingConfirmed> unsent = appendConfirmed(1, listingId).get(0);
        Envelope<ListingConfirmed> other = appendConfirmed(1, otherListing).get(0);

        Integer erasedNow = tx.execute(s -> outbox.erase(listingId));

        assertThat(erasedNow).as("sent rows the erasure itself deleted").isEqualTo(sentRowsErased);
        assertThat(jdbc.sql("SELECT erase_after_relay FROM outbox WHERE event_id = :id")
                .param("id", UUID.fromString(unsent.id())).query(Boolean.class).single()).isTrue();
        assertThat(relay.relayPending()).isEqualTo(2);
        assertSentOnceEach(List.of(sent, unsent, other));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE listing_id = :id").param("id", listingId)
                .query(Long.class).single()).as("outbox rows of the erroneous listing").isZero();
        assertThat(rows()).as("another listing's row: kept only with a retention")
                .isEqualTo(retention.isZero() ? 0 : 1);
    }

    private OutboxRelay relay(Duration retention, SimpleMeterRegistry meters) {
        return new OutboxRelay(jdbc, kafka, tx, meters, BATCH, Duration.ofSeconds(10), PayloadProtection.NONE,
                retention);
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }

    /** Every event reached the topic once: no fewer, and no second copy within a quiet second after. */
    private void assertSentOnceEach(List<Envelope<ListingConfirmed>> events) {
        Set<String> ids = events.stream().map(Envelope::id).collect(Collectors.toSet());
        listingEvents.await(r -> ids.contains(ceId(r)), ids.size(), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> seen = listingEvents.drain(r -> ids.contains(ceId(r)),
                Duration.ofSeconds(1));
        Map<String, Long> copies = seen.stream().collect(Collectors.groupingBy(OutboxSentRowsIT::ceId,
                Collectors.counting()));
        assertThat(copies).hasSize(ids.size());
        assertThat(copies.values()).allMatch(n -> n == 1);
        Map<String, String> made = events.stream().collect(Collectors.toMap(Envelope::id, codec::encode));
        assertThat(seen).allSatisfy(r -> assertThat(r.value()).isEqualTo(made.get(ceId(r))));
    }

    /** {@code count} confirmed events of {@code listingId}, appended in one transaction. */
    private List<Envelope<ListingConfirmed>> appendConfirmed(int count, UUID listingId) {
        List<Envelope<ListingConfirmed>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(confirmed(listingId));
        }
        tx.executeWithoutResult(s -> outbox.appendAll(events.stream()
                .map(e -> new Outbox.Message(Topics.LISTING_EVENTS, e.subject(), e)).toList()));
        return events;
    }

    private static String ceId(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("ce_id");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Envelope<ListingConfirmed> confirmed(UUID listingId) {
        Instant now = Instant.now();
        String uscc = Identifiers.uscc();
        String key = "USCC:" + uscc;
        ListingConfirmed data = new ListingConfirmed(listingId, 2,
                new ListType("TAX_MAJOR_VIOLATION", 1, "重大税收违法失信主体", ListKind.BLACK, "tax", true),
                new Subject(key, SubjectType.ORGANISATION, "出库测试有限公司", uscc, null, null, null),
                "虚开增值税专用发票", "《中华人民共和国税收征收管理法》", "tax", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 1), null, now);
        return Envelope.of("/identification-service", EventTypes.LISTING_CONFIRMED, now, key, data);
    }
}
