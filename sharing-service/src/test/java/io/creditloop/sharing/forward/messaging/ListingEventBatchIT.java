package io.creditloop.sharing.forward.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.testsupport.ListingEventsFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing's listener takes one poll's events together (issue 9). These tests hand {@link ListingEventStream#acceptAll}
 * a batch directly, under a consumer name of their own, with delivery held back, and check the forwards recorded
 * are those handling the events one by one would record.
 */
// its own context neither consumes (the other tests' contexts in this JVM would lose partitions to it) nor delivers
@SpringBootTest(properties = {"creditloop.sharing.delivery-initial-delay=1h", "spring.kafka.listener.auto-startup=false",
        "creditloop.sharing.registry.follow-listing-events=false"})
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class ListingEventBatchIT {

    @Autowired
    ListingEventStream stream;
    @Autowired
    ListingEventsListener sharing;
    @Autowired
    ListingEventsFixture events;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcClient jdbc;

    private final String consumer = "test.batch." + UUID.randomUUID();

    private List<String> forwards(UUID listingId) {
        return jdbc.sql("""
                        SELECT action || ' ' || state FROM forward WHERE listing_id = :id
                        ORDER BY listing_version, platform""")
                .param("id", listingId).query(String.class).list();
    }

    @Test
    @DisplayName("R6/R11: a batch records what one by one records: a listing's forwards are recorded before its erroneous exit in the same poll cancels them, an exit that overtook its confirmation is forwarded alone, and a repeated poll records nothing")
    void batchRecordsWhatOneByOneRecords() {
        Subject a = organisation();
        Subject b = organisation();
        Subject c = organisation();
        UUID aId = UUID.randomUUID();
        UUID bId = UUID.randomUUID();
        UUID cId = UUID.randomUUID();
        List<Envelope<?>> batch = List.of(
                events.confirmed(aId, a, "虚开增值税专用发票"),
                events.confirmed(bId, b, "逃避追缴欠税"),
                events.exited(aId, 3, a, ExitReason.ERRONEOUS),
                events.exited(cId, 3, c, ExitReason.EXPIRED),
                events.confirmed(cId, c, "骗取出口退税")); // version 2: overtaken by the exit
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            records.add(new ConsumerRecord<>(Topics.LISTING_EVENTS, 0, i, "key-" + i, codec.encode(batch.get(i))));
        }

        assertThat(stream.acceptAll(consumer, records, sharing)).isEqualTo(5);

        List<String> aForwards = forwards(aId);
        assertThat(aForwards).hasSize(6);
        assertThat(aForwards.subList(0, 3)).containsOnly("LISTING CANCELLED");
        assertThat(aForwards.subList(3, 6)).containsOnly("EXIT PENDING");
        assertThat(forwards(bId)).hasSize(3).containsOnly("LISTING PENDING");
        assertThat(forwards(cId)).hasSize(3).containsOnly("EXIT PENDING");

        stream.acceptAll(consumer, records, sharing); // the poll again: its versions are applied already
        assertThat(forwards(aId)).hasSize(6);
        assertThat(forwards(bId)).hasSize(3);
        assertThat(forwards(cId)).hasSize(3);
    }
}
