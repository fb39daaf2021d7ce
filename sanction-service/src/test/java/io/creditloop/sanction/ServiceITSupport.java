package io.creditloop.sanction;

import io.creditloop.testsupport.TopicProbe;

import io.creditloop.contracts.Envelope;
import io.creditloop.messaging.EventCodec;
import io.creditloop.sanction.task.web.LoopView;
import io.creditloop.sanction.task.web.TaskView;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service with real PostgreSQL and Kafka (from test-support): tests publish contract events the way
 * identification-service and the agencies do, and observe the service through its topics, its REST API and its
 * inbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {SanctionServiceApplication.class, ServiceITSupport.MovableClock.class},
        // tests run the reminder job themselves, at the time they set; sent outbox rows are kept, marked published
        // (issue 9: by default the relay deletes them), so tests can count what the service emitted (outboxed)
        properties = {"creditloop.sanction.reminders-enabled=false", "creditloop.messaging.published-retention=7d"})
public abstract class ServiceITSupport {

    /** The service's clock: the real time unless a test sets it; reset after every test. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class MovableClock {

        static final AtomicReference<Instant> NOW = new AtomicReference<>();
        private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

        @Bean
        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZONE;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return Clock.fixed(instant(), zone);
                }

                @Override
                public Instant instant() {
                    Instant now = NOW.get();
                    return now != null ? now : Instant.now();
                }
            };
        }
    }

    /** Moves the service's clock to {@code instant} until the test ends. */
    protected static void setClock(Instant instant) {
        MovableClock.NOW.set(instant);
    }

    @AfterEach
    void resetClock() {
        MovableClock.NOW.set(null);
    }

    /** Room for the outbox relay, consumer start-up and, for failures, the retry backoff on a shared machine. */
    protected static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(45);

    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected EventCodec codec;
    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    private final List<TopicProbe> probes = new ArrayList<>();

    @AfterEach
    void closeProbes() {
        probes.forEach(TopicProbe::close);
        probes.clear();
    }

    protected static ConditionFactory eventually() {
        return await().atMost(KAFKA_TIMEOUT).pollInterval(Duration.ofMillis(200)).pollInSameThread();
    }

    /** The listing topic's consumers of this service and their consumer groups (ListingEventStream, no inbox rows). */
    private static final java.util.Map<String, String> LISTING_GROUPS = java.util.Map.of(
            "sanction.listing-events", "sanction-service",
            "sanction.check", "sanction-service.check",
            "sanction.case-listings", "sanction-service.case-listings");

    /** Where each event this test sent went last (by event id). */
    private final java.util.Map<String, org.apache.kafka.clients.producer.RecordMetadata> sentRecords =
            new java.util.concurrent.ConcurrentHashMap<>();

    protected void send(String topic, String key, Envelope<?> event) {
        sentRecords.put(event.id(), sendRaw(topic, key, codec.encode(event)));
    }

    protected org.apache.kafka.clients.producer.RecordMetadata sendRaw(String topic, String key, String value) {
        try {
            return kafka.send(topic, key, value).get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test input to " + topic, e);
        }
    }

    protected TopicProbe probe(String... topics) {
        TopicProbe probe = TopicProbe.of(bootstrapServers, topics);
        probes.add(probe);
        return probe;
    }

    /** Waits until {@code count} records matching {@code filter} have arrived, and returns them. */
    protected static List<ConsumerRecord<String, String>> awaitRecords(TopicProbe probe, int count,
                                                                       Predicate<ConsumerRecord<String, String>> filter) {
        return probe.await(filter, count, Duration.ofSeconds(30));
    }

    protected ResponseEntity<LoopView> loop(UUID listingId) {
        return http.getForEntity("/api/sanction/listings/{id}/loop", LoopView.class, listingId);
    }

    protected LoopView awaitLoop(UUID listingId, Predicate<LoopView> condition) {
        List<LoopView> last = new ArrayList<>(1);
        eventually().until(() -> {
            ResponseEntity<LoopView> response = loop(listingId);
            if (response.getStatusCode() != HttpStatus.OK || response.getBody() == null) {
                return false;
            }
            last.clear();
            last.add(response.getBody());
            return condition.test(response.getBody());
        });
        return last.get(0);
    }

    /** Waits until the listing has {@code count} tasks in force (not lifted), and returns the loop. */
    protected LoopView awaitTasksInForce(UUID listingId, int count) {
        return awaitLoop(listingId, l -> l.tasks().stream().filter(t -> t.liftedAt() == null).count() == count);
    }

    /** Outbox rows (everything this service sent or will send: sent rows are kept here) of one type under one key. */
    protected long outboxed(String key, String type) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = :key AND event_type = :type")
                .param("key", key)
                .param("type", type)
                .query(Long.class)
                .single();
    }

    protected TaskView task(UUID taskId) {
        ResponseEntity<TaskView> response = http.getForEntity("/api/sanction/tasks/{id}", TaskView.class, taskId);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /**
     * Waits until the consumer has committed its handling of the event: for a listing event, until the consumer's
     * group has committed an offset past the record this test sent last with that event (the listener returns, and
     * the container commits, only after the handling's transaction); for others, until its inbox row is there (it
     * commits with the handling).
     */
    protected void awaitHandled(String consumer, Envelope<?> event) {
        String group = LISTING_GROUPS.get(consumer);
        if (group != null) {
            org.apache.kafka.clients.producer.RecordMetadata sent = sentRecords.get(event.id());
            if (sent == null) {
                throw new IllegalStateException("event " + event.id() + " was not sent with send(...)");
            }
            org.apache.kafka.common.TopicPartition partition =
                    new org.apache.kafka.common.TopicPartition(sent.topic(), sent.partition());
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    java.util.Map.of("bootstrap.servers", bootstrapServers))) {
                eventually().until(() -> {
                    var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                            .get(10, TimeUnit.SECONDS).get(partition);
                    return committed != null && committed.offset() > sent.offset();
                });
            }
            return;
        }
        eventually().until(() -> jdbc.sql("""
                        SELECT count(*) FROM processed_message WHERE consumer = :consumer AND message_id = :id""")
                .param("consumer", consumer)
                .param("id", event.id())
                .query(Long.class)
                .single() == 1);
    }

    protected double inboxDuplicates() {
        return meters.counter("creditloop.inbox.duplicates").count();
    }

    protected static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
