package io.creditloop.sharing.forward.messaging;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListingEvent;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.messaging.ListingVersions;
import io.creditloop.testsupport.ListingEventsFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The version check every listing consumer runs on one poll (messaging {@link ListingVersions}, over
 * {@link AppliedVersions#advanceAll}), against sharing's {@code applied_version} table: it must answer what checking
 * the events one at a time with {@link AppliedVersions#advance} answers, since a failed batch is handled again one by
 * one.
 */
@SpringBootTest(properties = {"creditloop.sharing.delivery-initial-delay=1h", "spring.kafka.listener.auto-startup=false",
        "creditloop.sharing.registry.follow-listing-events=false"})
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class ListingVersionsIT {

    @Autowired
    AppliedVersions versions;
    @Autowired
    ListingEventsFixture events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("stale and duplicated versions in one poll (R10/R13 events reordered or redelivered) are dropped exactly as one at a time: random polls over three listings, twice in a row")
    void freshIsWhatOneAtATimeSays() {
        String batchConsumer = "test.versions.batch." + UUID.randomUUID();
        String oneByOneConsumer = "test.versions.single." + UUID.randomUUID();
        Subject subject = organisation();
        List<UUID> listings = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Random random = new Random(20261203);
        for (int poll = 0; poll < 2; poll++) {
            List<ListingEvent> batch = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                UUID id = listings.get(random.nextInt(listings.size()));
                long version = 4L * poll + 1 + random.nextInt(6); // the second poll overlaps the first
                batch.add(switch (random.nextInt(3)) {
                    case 0 -> events.confirmed(id, version, subject, "逃避追缴欠税", events.today(), null).data();
                    case 1 -> events.corrected(id, version, subject, "逃避追缴欠税").data();
                    default -> events.exited(id, version, subject, ExitReason.EXPIRED).data();
                });
            }
            List<ListingEvent> expected = tx.execute(s -> batch.stream()
                    .filter(e -> versions.advance(oneByOneConsumer, e.listingId().toString(), e.version())).toList());
            List<ListingEvent> fresh = tx.execute(s -> ListingVersions.fresh(versions, batchConsumer, batch));

            assertThat(fresh).containsExactlyElementsOf(expected);
            assertThat(fresh).hasSizeLessThan(batch.size()).isNotEmpty();
        }
        long highest = highestVersion(listings.get(0), batchConsumer);
        assertThat(highest).isEqualTo(highestVersion(listings.get(0), oneByOneConsumer));
        ListingEvent same = events.exited(listings.get(0), highest, subject, ExitReason.EXPIRED).data();
        ListingEvent next = events.exited(listings.get(0), highest + 1, subject, ExitReason.EXPIRED).data();
        List<ListingEvent> last = tx.execute(s -> ListingVersions.fresh(versions, batchConsumer,
                List.of(same, next, next)));
        assertThat(last).containsExactly(next);
    }

    private long highestVersion(UUID listingId, String consumer) {
        return jdbc.sql("SELECT version FROM applied_version WHERE consumer = :c AND aggregate_id = :id")
                .param("c", consumer).param("id", listingId.toString()).query(Long.class).single();
    }

    @Test
    @DisplayName("data that is not a listing event is refused, not silently dropped")
    void refusesOtherData() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> ListingVersions.fresh(versions,
                "test.versions." + UUID.randomUUID(), List.of("not an event"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
    }
}
