package io.creditloop.identification.listing;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.messaging.Outbox;
import io.creditloop.testsupport.Identifiers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R11 (001 §19): an erroneous listing leaves no event in the outbox, also when its erasure meets the relay in the
 * middle of sending that event. The relay is off here, and the relays of other cached contexts are held off by the
 * relay's own advisory lock; the test plays the relay's part with the statements it runs (lock the unsent row; once
 * Kafka has it, delete it, with no {@code published-retention}, the default, or mark it sent, with one; commit) so the
 * interleaving is the one that matters, every time.
 */
@SpringBootTest(properties = {"creditloop.identification.lifecycle-enabled=false",
        "creditloop.messaging.relay-enabled=false"})
class OutboxErasureRaceIT {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("R11: an event the relay is sending while the listing is erased is gone once the relay has sent it (no retention)")
    void erasureMeetsTheRelayDeletingWhatItSent() throws Exception {
        int erasedNow = raceWithTheRelay("DELETE FROM outbox WHERE listing_id = :id");
        assertThat(erasedNow).as("the relay deleted the row, the erasure found none").isZero();
    }

    @Test
    @DisplayName("R11: an event the relay is sending while the listing is erased is deleted once the relay has marked it sent (retention)")
    void erasureWaitsForTheRelayInFlight() throws Exception {
        raceWithTheRelay("UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE listing_id = :id");
    }

    /** @return what the erasure deleted itself */
    private int raceWithTheRelay(String relayAfterSend) throws Exception {
        UUID listingId = UUID.randomUUID();
        Envelope<ListingConfirmed> event = confirmed(listingId);

        CountDownLatch relaying = new CountDownLatch(1);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch sent = new CountDownLatch(1);
        CompletableFuture<Void> relay = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            // The relay's own lock, taken before the row exists: the relays of the other Spring contexts this JVM
            // keeps cached share the schema, and would otherwise send and delete the row before this one locks it.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.outbox-relay'))")
                    .query((rs, n) -> 1).single();
            relaying.countDown();
            await(appended);
            jdbc.sql("SELECT id FROM outbox WHERE listing_id = :id AND published_at IS NULL FOR UPDATE SKIP LOCKED")
                    .param("id", listingId).query(Long.class).single();
            locked.countDown();
            await(sent);
            jdbc.sql(relayAfterSend).param("id", listingId).update();
        }));
        assertThat(relaying.await(30, TimeUnit.SECONDS)).isTrue();
        tx.executeWithoutResult(s -> outbox.append(Topics.LISTING_EVENTS, event.subject(), event));
        appended.countDown();
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> erasure = CompletableFuture.supplyAsync(() -> tx.execute(s -> outbox.erase(listingId)));
        Thread.sleep(500); // the erasure reaches the row the relay holds, or is done already
        sent.countDown();
        relay.get(30, TimeUnit.SECONDS);
        int erasedNow = erasure.get(30, TimeUnit.SECONDS);

        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE listing_id = :id").param("id", listingId)
                .query(Long.class).single()).as("outbox rows of the erased listing").isZero();
        return erasedNow;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Envelope<ListingConfirmed> confirmed(UUID listingId) {
        Instant now = Instant.now();
        String key = "ID:RESIDENT_ID:erasure-race-" + UUID.randomUUID();
        ListingConfirmed data = new ListingConfirmed(listingId, 2,
                new ListType("COURT_DEFAULTER", 1, "失信被执行人", ListKind.BLACK, "court", true),
                new Subject(key, SubjectType.PERSON, "周九", null, "RESIDENT_ID", Identifiers.residentId(), null),
                "有履行能力而拒不履行", "（2025）鄂02执9号", "court", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 1), null, now);
        return Envelope.of("/identification-service", EventTypes.LISTING_CONFIRMED, now, key, data);
    }
}
