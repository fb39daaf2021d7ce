package io.creditloop.repair.listing;

import org.springframework.boot.test.context.SpringBootTest;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.messaging.EventCodec;
import io.creditloop.testsupport.ListingEventsFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static io.creditloop.testsupport.ListingEventsFixture.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListingEventsIT {

    @Autowired
    ListingRefs refs;
    @Autowired
    ListingRefService refService;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventCodec codec;

    @Autowired
    ListingEventsFixture events;

    @Test
    @DisplayName("R10, R16: a confirmed listing becomes known, with a masked name and no ID number")
    void confirmed() {
        Subject person = person("欧阳娜娜");
        UUID listingId = UUID.randomUUID();

        events.send(events.confirmed(listingId, person, "拖欠农民工工资"));

        ListingRef ref = awaitRef(listingId);
        assertThat(ref).isEqualTo(new ListingRef(listingId, 2, ListingStatus.CONFIRMED, "tax",
                "TAX_MAJOR_VIOLATION", person.type(), "欧阳**", ListKind.BLACK));
        String stored = jdbc.sql("SELECT row_to_json(r)::text FROM listing_ref r WHERE listing_id = :id")
                .param("id", listingId).query(String.class).single();
        assertThat(stored).doesNotContain(person.idNumber()).doesNotContain(person.name());
    }

    @Test
    @DisplayName("R13: an exited listing stays known as EXITED")
    void exited() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, company, "虚开增值税专用发票"));
        awaitRef(listingId);

        events.send(events.exited(listingId, 3, company, ExitReason.EXPIRED));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> refs.find(listingId).map(ListingRef::status).orElse(null) == ListingStatus.EXITED);
        assertThat(refs.find(listingId).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    @DisplayName("a redelivered event changes nothing: its version is applied already (listing events take no inbox row)")
    void duplicateDelivery() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        Envelope<ListingConfirmed> original = events.confirmed(listingId, company, "原事由");
        events.send(original);
        awaitRef(listingId);
        String before = jdbc.sql("SELECT row_to_json(r)::text FROM listing_ref r WHERE listing_id = :id")
                .param("id", listingId).query(String.class).single();

        events.send(original);
        sentinelFor(company);

        ListingRef ref = refs.find(listingId).orElseThrow();
        assertThat(ref.version()).isEqualTo(2);
        assertThat(ref.recognisingDepartment()).isEqualTo("tax");
        assertThat(jdbc.sql("SELECT row_to_json(r)::text FROM listing_ref r WHERE listing_id = :id")
                .param("id", listingId).query(String.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_message WHERE message_id = :id")
                .param("id", original.id()).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("R13: an older version after a newer one is ignored: a late correction does not undo an exit")
    void staleVersion() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, company, "原事由"));
        events.send(events.exited(listingId, 4, company, ExitReason.REPAIRED));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> refs.find(listingId).map(ListingRef::version).orElse(0L) == 4);

        events.send(events.corrected(listingId, 3, company, "迟到的更正"));
        events.send(events.confirmed(listingId, company, "重复的认定"));
        sentinelFor(company);

        ListingRef ref = refs.find(listingId).orElseThrow();
        assertThat(ref.version()).isEqualTo(4);
        assertThat(ref.status()).isEqualTo(ListingStatus.EXITED);
    }

    @Test
    @DisplayName("a poison message goes to identification.listing.events.dlt and does not block the partition")
    void poisonToDeadLetter() {
        Subject company = organisation();

        ListingEventsFixture.Poison poison = events.sendPoison(company);
        sentinelFor(company);

        assertThat(events.awaitDeadLettered(poison)).hasSize(2);
    }

    /** A fresh listing of the same subject (same partition): once it is known, every earlier event was handled. */
    private void sentinelFor(Subject subject) {
        UUID sentinel = UUID.randomUUID();
        events.send(events.confirmed(sentinel, subject, "sentinel"));
        awaitRef(sentinel);
    }

    private ListingRef awaitRef(UUID listingId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> refs.find(listingId).orElse(null),
                ref -> ref != null);
    }

    @Test
    @DisplayName("issue 9, R12: a poll with two confirmations of one listing is written as a batch and keeps the later one (the driver's multi-row INSERT may not upsert one listing twice)")
    void twoVersionsOfOneListingInOneBatch() {
        Subject company = organisation();
        Subject other = organisation();
        UUID listingId = UUID.randomUUID();
        UUID otherId = UUID.randomUUID();
        List<Object> poll = List.of(
                events.confirmed(listingId, 2, company, "原事由", events.today().minusDays(30),
                        events.today().plusYears(2)).data(),
                events.confirmed(otherId, other, "逃避追缴欠税").data(),
                events.confirmed(listingId, 3, company, "原事由", events.today().minusDays(10),
                        events.today().plusYears(1)).data(),
                // four rows: the driver sends them as one INSERT (it cuts a batch into INSERTs of 2^k rows)
                events.confirmed(UUID.randomUUID(), organisation(), "逃避追缴欠税").data());
        List<UUID> confirmedAfter = new ArrayList<>();

        // the batch path itself, in the inbox transaction it runs in: no fallback to hide a failed statement
        transaction.executeWithoutResult(status -> refService.applyAll(poll, subject -> false, confirmedAfter::add));

        assertThat(refs.find(listingId).orElseThrow().version()).isEqualTo(3);
        assertThat(refs.find(otherId).orElseThrow().version()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT valid_until FROM listing_ref WHERE listing_id = :id").param("id", listingId)
                .query(java.time.LocalDate.class).single()).isEqualTo(events.today().plusYears(1));
        assertThat(confirmedAfter).isEmpty(); // no subject under repair: the batch path, not one by one
    }
}
