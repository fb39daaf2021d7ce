package io.creditloop.identification.listing;

import io.creditloop.testsupport.Identifiers;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.contracts.sharing.v1.UpstreamListingReceived;
import io.creditloop.identification.subject.Uscc;
import io.creditloop.messaging.EventCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists made upstream join identification's cross-checks: they arrive on {@code sharing.upstream.listings} as
 * sharing-service publishes them, through the real broker.
 */
@SpringBootTest(properties = "creditloop.identification.lifecycle-enabled=false")
class UpstreamListingsIT {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    ListingService service;
    @Autowired
    JdbcClient jdbc;

    private final Random random = new Random();

    @Test
    @DisplayName("R5: a red listing of a subject on an upstream black list in force (the courts' defaulter list) is "
            + "excluded with the reason; once the court removes it, a new red listing goes into publicity")
    void upstreamBlackExcludesRed() {
        String uscc = Identifiers.uscc();
        String caseNo = "(2026)鄂0202执" + random.nextInt(100000) + "号";
        publish(upstream(caseNo, 1, true, uscc));
        await(() -> stored(caseNo) == 1);

        Listing red = service.submit(red(uscc)).listing();

        assertThat(red.status()).isEqualTo(ListingStatus.EXCLUDED);
        assertThat(history(red.id())).contains("EXCLUDED");
        assertThat(jdbc.sql("SELECT detail FROM listing_event WHERE listing_id = :id AND type = 'EXCLUDED'")
                .param("id", red.id()).query(String.class).single()).contains("失信被执行人名单", "court", "R5");

        publish(upstream(caseNo, 2, false, uscc));
        await(() -> stored(caseNo) == 2);

        assertThat(service.submit(red(uscc)).listing().status()).isEqualTo(ListingStatus.IN_PUBLICITY);
    }

    @Test
    @DisplayName("R4/R13: an upstream black listing arriving removes the subject's confirmed red listing at once")
    void upstreamBlackSupersedesConfirmedRed() {
        String uscc = Identifiers.uscc();
        Listing red = service.submit(red(uscc)).listing();
        jdbc.sql("UPDATE listing SET publicity_ends_on = DATE '2000-01-01' WHERE id = :id").param("id", red.id())
                .update();
        assertThat(service.publicityEnded(red.id())).isTrue();
        assertThat(service.find(red.id()).orElseThrow().status()).isEqualTo(ListingStatus.CONFIRMED);

        publish(upstream("(2026)鄂0281执" + random.nextInt(100000) + "号", 1, true, uscc));
        await(() -> service.find(red.id()).orElseThrow().status() == ListingStatus.EXITED);

        Listing exited = service.find(red.id()).orElseThrow();
        assertThat(exited.exitReason()).isEqualTo(ExitReason.REVOKED);
        assertThat(exited.exitNote()).contains("失信被执行人名单", "R4/R13");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE event_type = :type AND payload LIKE :id")
                .param("type", EventTypes.LISTING_EXITED).param("id", "%" + red.id() + "%")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("R5: the intake's batch path sends a subject listed upstream through the cross-check too")
    void batchSeesUpstreamListings() {
        String listed = Identifiers.uscc();
        String caseNo = "(2026)鄂0203执" + random.nextInt(100000) + "号";
        publish(upstream(caseNo, 1, true, listed));
        await(() -> stored(caseNo) == 1);

        List<ListingService.BatchResult> results = service.submitAll(List.of(red(listed), red(Identifiers.uscc())));

        assertThat(service.find(results.get(0).listingId()).orElseThrow().status()).isEqualTo(ListingStatus.EXCLUDED);
        assertThat(service.find(results.get(1).listingId()).orElseThrow().status())
                .isEqualTo(ListingStatus.IN_PUBLICITY);
    }

    @Test
    @DisplayName("a stale revision arriving after a newer one, and a repeated event, change nothing")
    void staleAndRepeatedChangeNothing() {
        String uscc = Identifiers.uscc();
        String caseNo = "(2026)鄂0204执" + random.nextInt(100000) + "号";
        publish(upstream(caseNo, 2, false, uscc));
        await(() -> stored(caseNo) == 2);
        Envelope<UpstreamListingReceived> stale = upstream(caseNo, 1, true, uscc);
        publish(stale);
        publish(stale);
        // a marker event after the stale ones on the same partition: once it is applied, they were handled
        String marker = "(2026)鄂0204执" + random.nextInt(100000) + "号-marker";
        publish(upstream(marker, 1, true, Identifiers.uscc()));
        await(() -> stored(marker) == 1);

        assertThat(stored(caseNo)).isEqualTo(2);
        assertThat(service.submit(red(uscc)).listing().status()).isEqualTo(ListingStatus.IN_PUBLICITY);
    }

    private Envelope<UpstreamListingReceived> upstream(String caseNo, long revision, boolean inForce, String uscc) {
        Instant now = Instant.now();
        return Envelope.of("/sharing-service", EventTypes.UPSTREAM_LISTING_RECEIVED, now, "court:" + caseNo,
                new UpstreamListingReceived(UUID.nameUUIDFromBytes(caseNo.getBytes()), "court", caseNo, revision,
                        "失信被执行人名单", ListKind.BLACK, inForce, SubjectType.ORGANISATION, "黄石市某某建材有限公司", uscc,
                        null, "黄石港区人民法院", LocalDate.of(2026, 3, 2), null, now));
    }

    private void publish(Envelope<?> event) {
        try {
            // one partition key for all test events, so their order on the topic is the order sent
            kafka.send(Topics.UPSTREAM_LISTINGS, "court", codec.encode(event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long stored(String caseNo) {
        return jdbc.sql("SELECT coalesce(max(revision), 0) FROM upstream_listing WHERE upstream_id = :id")
                .param("id", caseNo).query(Long.class).single();
    }

    private List<String> history(UUID id) {
        return jdbc.sql("SELECT type FROM listing_event WHERE listing_id = :id ORDER BY version").param("id", id)
                .query(String.class).list();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private ListingSubmission red(String uscc) {
        return ListingSubmission.of("up-" + UUID.randomUUID(), "tax", "TAX_A_GRADE", "ORGANISATION", "上游测试有限公司", uscc,
                null, null, "李四", "纳税信用A级", "《纳税信用管理办法》", "2026-11-02", "1年");
    }

}
