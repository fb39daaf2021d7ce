package io.creditloop.identification.listing;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.identification.subject.Uscc;
import io.creditloop.messaging.EventCodec;
import io.creditloop.testsupport.ListingEventsFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Decisions repair-service makes arrive on {@code repair.case.events} and exit the listing here: an objection upheld
 * as erroneous purges it (R10, R11), a repair exits it REPAIRED and a black one moves to gray (R12, R13).
 */
@SpringBootTest(properties = "creditloop.identification.lifecycle-enabled=false")
class RepairDecisionsIT {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    ListingService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ListingEventsFixture events;

    private final Random random = new Random();

    @Test
    @DisplayName("R10, R11: an objection upheld as erroneous exits the listing ERRONEOUS and purges its personal data")
    void erroneousExitPurges() {
        String uscc = newUscc();
        Listing black = confirmedBlack(uscc);

        publish(decision(black.id(), DecisionKind.ERRONEOUS_EXIT, "认定时已补缴税款，列入错误"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> service.find(black.id()).orElseThrow().status() == ListingStatus.EXITED);

        Listing exited = service.find(black.id()).orElseThrow();
        assertThat(exited.exitReason()).isEqualTo(ExitReason.ERRONEOUS);
        String row = jdbc.sql("SELECT row_to_json(l)::text FROM listing l WHERE id = :id").param("id", black.id())
                .query(String.class).single();
        assertThat(row).doesNotContain(uscc).doesNotContain("测试错误认定有限公司").contains("\"purged\":true");
        assertThat(jdbc.sql("SELECT count(*) FROM listing WHERE uscc = :uscc").param("uscc", uscc)
                .query(Long.class).single()).as("R11/R13: no gray follow-up for an erroneous exit").isZero();
        ListingExited event = exitedEvent(black.id());
        assertThat(event.exitReason()).isEqualTo(ExitReason.ERRONEOUS);
    }

    @Test
    @DisplayName("R12, R13: a repair exits a black listing REPAIRED and the subject moves to the gray list")
    void repairedExitMovesToGray() {
        String uscc = newUscc();
        Listing black = confirmedBlack(uscc);

        publish(decision(black.id(), DecisionKind.REPAIRED_EXIT, "已整改，信用修复"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> service.find(black.id()).orElseThrow().status() == ListingStatus.EXITED);

        assertThat(service.find(black.id()).orElseThrow().exitReason()).isEqualTo(ExitReason.REPAIRED);
        assertThat(exitedEvent(black.id()).exitReason()).isEqualTo(ExitReason.REPAIRED);
        List<Listing> subject = service.findBySubject("USCC:" + uscc);
        assertThat(subject).anySatisfy(l -> {
            assertThat(l.listType().kind().name()).isEqualTo("GRAY");
            assertThat(l.status()).isEqualTo(ListingStatus.CONFIRMED);
        });
    }

    @Test
    @DisplayName("R10: a decision delivered twice exits once; a correction decision leaves the listing in force")
    void duplicateAndCorrection() {
        Listing corrected = confirmedBlack(newUscc());
        Listing black = confirmedBlack(newUscc());
        publish(decision(corrected.id(), DecisionKind.CORRECTION, "更正认定日期"));
        Envelope<DecisionMade> revoke = decision(black.id(), DecisionKind.ERRONEOUS_EXIT, "错误");
        publish(revoke);
        publish(revoke);
        Listing marker = confirmedBlack(newUscc());
        publish(decision(marker.id(), DecisionKind.ERRONEOUS_EXIT, "marker"));
        // one partition key for all test decisions: once the marker exited, everything before it was handled
        await().atMost(Duration.ofSeconds(30))
                .until(() -> service.find(marker.id()).orElseThrow().status() == ListingStatus.EXITED);

        assertThat(service.find(black.id()).orElseThrow().status()).isEqualTo(ListingStatus.EXITED);
        assertThat(jdbc.sql("SELECT count(*) FROM listing_event WHERE listing_id = :id AND type = 'EXITED'")
                .param("id", black.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(service.find(corrected.id()).orElseThrow().status()).isEqualTo(ListingStatus.CONFIRMED);
    }

    @Test
    @DisplayName("a malformed decision goes to repair.case.events.dlt")
    void poisonToDeadLetter() {
        String marker = UUID.randomUUID().toString();
        String poison = """
                {"specversion":"1.0","id":"%s","source":"/repair-service","type":"repair.decision.made.v1",
                 "time":"2026-11-23T02:00:00Z","data":{"listingId":"not-a-uuid"}}""".formatted(marker);
        send(poison);

        assertThat(events.awaitRecord(Topics.deadLetter(Topics.REPAIR_EVENTS), r -> r.value().contains(marker)))
                .isNotNull();
    }

    private Listing confirmedBlack(String uscc) {
        Listing listing = service.submit(ListingSubmission.of("rd-" + UUID.randomUUID(), "tax", "TAX_MAJOR_VIOLATION",
                "ORGANISATION", "测试错误认定有限公司", uscc, null, null, "李四", "虚开增值税专用发票",
                "《中华人民共和国税收征收管理法》", "2026-11-02", "3年")).listing();
        assertThat(listing.status()).isEqualTo(ListingStatus.CONFIRMED);
        return listing;
    }

    /** As sent: an erroneous listing's events leave the outbox once relayed (R11). */
    private ListingExited exitedEvent(UUID listingId) {
        String payload = events.awaitRecord(Topics.LISTING_EVENTS, r -> r.value().contains(listingId.toString())
                && r.value().contains(EventTypes.LISTING_EXITED)).value();
        return (ListingExited) codec.decode(payload).data();
    }

    private static Envelope<DecisionMade> decision(UUID listingId, DecisionKind kind, String note) {
        Instant now = Instant.now();
        return Envelope.of("/repair-service", EventTypes.DECISION_MADE, now, listingId.toString(),
                new DecisionMade(UUID.randomUUID(), listingId, "OBJECTION", UUID.randomUUID(), kind, "tax", note, now));
    }

    private void publish(Envelope<?> event) {
        send(codec.encode(event));
    }

    private void send(String value) {
        try {
            kafka.send(Topics.REPAIR_EVENTS, "repair-decisions-it", value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String newUscc() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("91420200");
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString() + Uscc.checkCharacter(code.toString());
    }
}
