package io.creditloop.publication.board.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.publication.board.BoardService;
import io.creditloop.testsupport.ListingEventsFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's listener takes one poll's events together (issue 9). These tests hand {@link ListingEventStream#acceptAll}
 * a batch directly, under an inbox consumer of their own, and check the board and its delta feed end as handling the
 * events one by one would leave them.
 */
// its own context does not consume (the other tests' contexts in this JVM would lose partitions to it)
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class ListingEventBatchIT {

    @Autowired
    ListingEventStream stream;
    @Autowired
    ListingEventsListener board;
    @Autowired
    ListingEventsFixture events;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BoardService boardService;
    @Autowired
    TransactionTemplate transaction;

    private final String consumer = "test.batch." + UUID.randomUUID();

    private List<String> feed(UUID listingId) {
        return jdbc.sql("SELECT change FROM board_change WHERE listing_id = :id ORDER BY seq")
                .param("id", listingId).query(String.class).list();
    }

    private Long version(UUID listingId) {
        return jdbc.sql("SELECT version FROM board_entry WHERE listing_id = :id").param("id", listingId)
                .query(Long.class).optional().orElse(null);
    }

    @Test
    @DisplayName("R7/R13: a batch gives what one by one gives: a correction after its listing in the same poll replaces the entry, an exit that overtook its confirmation leaves only the announcement, and the feed keeps the events' order")
    void batchKeepsOrderAndVersions() {
        Subject a = organisation();
        Subject b = organisation();
        Subject c = organisation();
        UUID aId = UUID.randomUUID();
        UUID bId = UUID.randomUUID();
        UUID cId = UUID.randomUUID();
        List<Envelope<?>> batch = List.of(
                events.confirmed(aId, a, "虚开增值税专用发票"),
                events.confirmed(bId, b, "逃避追缴欠税"),
                events.corrected(aId, 3, a, "虚开增值税专用发票（更正）"),
                events.exited(cId, 3, c, ExitReason.EXPIRED),
                events.confirmed(cId, c, "骗取出口退税")); // version 2: overtaken by the exit
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            records.add(new ConsumerRecord<>(Topics.LISTING_EVENTS, 0, i, "key-" + i, codec.encode(batch.get(i))));
        }

        assertThat(stream.acceptAll(consumer, records, board)).isEqualTo(5);

        assertThat(version(aId)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT reason FROM board_entry WHERE listing_id = :id").param("id", aId)
                .query(String.class).single()).isEqualTo("虚开增值税专用发票（更正）");
        assertThat(feed(aId)).containsExactly("PUBLISHED", "PUBLISHED");
        assertThat(jdbc.sql("""
                        SELECT payload->>'version' FROM board_change WHERE listing_id = :id ORDER BY seq DESC LIMIT 1""")
                .param("id", aId).query(String.class).single()).isEqualTo("3");
        assertThat(version(bId)).isEqualTo(2);
        assertThat(feed(bId)).containsExactly("PUBLISHED");
        assertThat(version(cId)).isNull();
        assertThat(feed(cId)).containsExactly("ANNOUNCED");
        // the feed's order is the events' order
        assertThat(jdbc.sql("""
                        SELECT listing_id FROM board_change WHERE listing_id IN (:ids) ORDER BY seq""")
                .param("ids", List.of(aId, bId, cId)).query(UUID.class).list())
                .containsExactly(aId, bId, aId, cId);

        // the whole poll delivered again changes nothing (the versions applied drop it; listing events take no
        // inbox row)
        stream.acceptAll(consumer, records, board);
        assertThat(feed(aId)).hasSize(2);
        assertThat(feed(cId)).containsExactly("ANNOUNCED");
        assertThat(jdbc.sql("SELECT count(*) FROM board_change WHERE listing_id IN (:ids)")
                .param("ids", List.of(aId, bId, cId)).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    @DisplayName("issue 9, R7: a poll with a listing's confirmation and its correction is written as a batch, not one by one after a failed batch: the driver's multi-row INSERT may not upsert one entry twice")
    void twoVersionsOfOneListingInOneBatch() {
        Subject a = organisation();
        Subject b = organisation();
        UUID aId = UUID.randomUUID();
        UUID bId = UUID.randomUUID();
        List<Object> poll = List.of(
                events.confirmed(aId, a, "虚开增值税专用发票").data(),
                events.confirmed(bId, b, "逃避追缴欠税").data(),
                events.corrected(aId, 3, a, "虚开增值税专用发票（更正）").data());

        // the batch path itself, in the inbox transaction it runs in: no fallback to hide a failed statement
        transaction.executeWithoutResult(status -> boardService.applyAll(poll));

        assertThat(version(aId)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT reason FROM board_entry WHERE listing_id = :id").param("id", aId)
                .query(String.class).single()).isEqualTo("虚开增值税专用发票（更正）");
        assertThat(version(bId)).isEqualTo(2);
        assertThat(feed(aId)).containsExactly("PUBLISHED", "PUBLISHED");
    }
}
