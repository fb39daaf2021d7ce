package io.creditloop.testsupport;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.messaging.EventCodec;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Listing events as identification-service publishes them, with subjects unique to each test. */
public final class ListingEventsFixture {

    public static final ListType BLACK_TAX = new ListType("TAX_MAJOR_VIOLATION", 1, "重大税收违法案件当事人名单",
            ListKind.BLACK, "tax");

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;
    private final String bootstrapServers;
    private final Clock clock;

    /** Registered in every {@code @SpringBootTest} context by test-support: tests just autowire it. */
    public ListingEventsFixture(KafkaTemplate<String, String> kafka, EventCodec codec,
                                @org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}")
                                String bootstrapServers, Clock clock) {
        this.kafka = kafka;
        this.codec = codec;
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    /** Today in the service's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A company whose USCC and name are unique to the caller; its legal representative has an ID number. */
    public static Subject organisation() {
        StringBuilder uscc = new StringBuilder("91420200MA");
        for (int i = 0; i < 8; i++) {
            uscc.append(USCC_CHARS.charAt(ThreadLocalRandom.current().nextInt(USCC_CHARS.length())));
        }
        return new Subject("USCC:" + uscc, SubjectType.ORGANISATION, "黄石" + uscc.substring(10) + "贸易有限公司",
                uscc.toString(), "RESIDENT_ID", residentId(), "张三");
    }

    public static Subject person(String name) {
        String id = residentId();
        return new Subject("ID:RESIDENT_ID:" + UUID.randomUUID(), SubjectType.PERSON, name, null, "RESIDENT_ID", id,
                null);
    }

    /** A random resident ID number with a real birth date and a correct MOD 11-2 check character. */
    public static String residentId() {
        return Identifiers.residentId();
    }

    public Envelope<ListingConfirmed> confirmed(UUID listingId, long version, Subject subject, String reason,
                                                LocalDate validFrom, LocalDate validUntil) {
        Instant now = Instant.now();
        return Envelope.of("/identification-service", EventTypes.LISTING_CONFIRMED, now, subject.key(),
                new ListingConfirmed(listingId, version, BLACK_TAX, subject, reason, "《中华人民共和国税收征收管理法》",
                        "tax", validFrom, validFrom, validUntil, now));
    }

    /** A confirmed listing of the given list type, in force from 30 days ago for two years. */
    public Envelope<ListingConfirmed> confirmed(UUID listingId, ListType type, Subject subject, String reason) {
        Instant now = Instant.now();
        return Envelope.of("/identification-service", EventTypes.LISTING_CONFIRMED, now, subject.key(),
                new ListingConfirmed(listingId, 2, type, subject, reason, "001 §15", type.department(),
                        today().minusDays(30), today().minusDays(30), today().plusYears(2), now));
    }

    public Envelope<ListingConfirmed> confirmed(UUID listingId, Subject subject, String reason) {
        return confirmed(listingId, 2, subject, reason, today().minusDays(30), today().plusYears(2));
    }

    public Envelope<ListingCorrected> corrected(UUID listingId, long version, Subject subject, String reason) {
        Instant now = Instant.now();
        LocalDate today = today();
        return Envelope.of("/identification-service", EventTypes.LISTING_CORRECTED, now, subject.key(),
                new ListingCorrected(listingId, version, BLACK_TAX, subject, reason, "《中华人民共和国税收征收管理法》",
                        "tax", today.minusDays(30), today.minusDays(30), today.plusYears(2), "事由更正", now));
    }

    public Envelope<ListingExited> exited(UUID listingId, long version, Subject subject, ExitReason reason) {
        Instant now = Instant.now();
        return Envelope.of("/identification-service", EventTypes.LISTING_EXITED, now, subject.key(),
                new ListingExited(listingId, version, BLACK_TAX, subject, "tax", reason, today(), "退出",
                        now));
    }

    /** Publishes on the listing topic, keyed by the subject key as identification-service does. */
    public void send(Envelope<?> event) {
        sendRaw(event.subject(), codec.encode(event));
    }

    public void sendRaw(String key, String value) {
        try {
            kafka.send(Topics.LISTING_EVENTS, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish test event", e);
        }
    }

    /** Waits until a record matching {@code wanted} is on {@code topic}, read from the beginning. */
    /** Two poison messages on the subject's partition: text that is not JSON, and an event without its listing id. */
    public record Poison(String key, String notJson, String withoutListingId) {
    }

    public Poison sendPoison(Subject subject) {
        String marker = UUID.randomUUID().toString();
        Poison poison = new Poison(subject.key(), "{not json " + marker,
                codec.encode(confirmed(UUID.randomUUID(), organisation(), marker))
                        .replaceFirst("\"listingId\":\"[^\"]+\",", ""));
        sendRaw(poison.key(), poison.notJson());
        sendRaw(poison.key(), poison.withoutListingId());
        return poison;
    }

    /**
     * Waits for both poison messages on {@code identification.listing.events.dlt} and checks that each went there
     * untried, as poison, under its original key; returns them in the order sent.
     */
    public List<ConsumerRecord<String, String>> awaitDeadLettered(Poison poison) {
        String dlt = Topics.deadLetter(Topics.LISTING_EVENTS);
        List<ConsumerRecord<String, String>> dead = List.of(
                awaitRecord(dlt, r -> poison.notJson().equals(r.value())),
                awaitRecord(dlt, r -> poison.withoutListingId().equals(r.value())));
        for (ConsumerRecord<String, String> record : dead) {
            if (!poison.key().equals(record.key())) {
                throw new AssertionError("dead letter under key " + record.key() + ", expected " + poison.key());
            }
            var cause = record.headers().lastHeader("kafka_dlt-exception-cause-fqcn");
            String fqcn = cause == null ? null : new String(cause.value(), java.nio.charset.StandardCharsets.UTF_8);
            if (!"io.creditloop.messaging.PoisonMessageException".equals(fqcn)) {
                throw new AssertionError("dead letter not marked as poison: " + fqcn);
            }
        }
        return dead;
    }

    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        try (TopicProbe probe = TopicProbe.of(bootstrapServers, topic)) {
            return probe.awaitOne(wanted, Duration.ofSeconds(30));
        }
    }
}
