package io.creditloop.publication.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.messaging.EventCodec;
import io.creditloop.publication.BoardClient;
import io.creditloop.testsupport.ListingEventsFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R12 (b): a credit repair carried out as "rectification noted" shows the rectification on the board entry for the
 * rest of its validity, in every output, and the delta feed republishes the entry; other decisions change nothing
 * here (identification applies them as listing events).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RectificationNoteIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ListingEventsFixture events;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    BoardSearch search;

    @Test
    @DisplayName("R12 (b): rectification noted on the board entry, in the feed and the CSV export; a correction "
            + "decision adds nothing")
    void rectificationNoted() {
        BoardClient board = new BoardClient(http, json);
        Subject person = ListingEventsFixture.person("孙修复");
        UUID noted = UUID.randomUUID();
        UUID corrected = UUID.randomUUID();
        events.send(events.confirmed(noted, person, "拖欠农民工工资"));
        events.send(events.confirmed(corrected, ListingEventsFixture.organisation(), "拖欠农民工工资"));
        board.awaitOnBoard(noted);
        board.awaitOnBoard(corrected);

        // the search's index holds the entry as it is before the decision
        await().atMost(Duration.ofSeconds(30)).until(search::indexed);
        JsonNode before = board.get("/api/board?q={q}", person.idNumber());
        assertThat(before.get("items")).hasSize(1);
        assertThat(before.get("items").get(0).path("rectificationNote").isNull()).isTrue();

        decide(corrected, DecisionKind.CORRECTION, "更正认定日期");
        decide(noted, DecisionKind.RECTIFICATION_NOTED, "已补缴工资并完成信用修复培训（身份证 " + person.idNumber() + "）");

        JsonNode entry = await().atMost(Duration.ofSeconds(30)).until(() -> board.get("/api/board/{id}", noted),
                e -> !e.path("rectificationNote").isNull() && !e.path("rectificationNote").isMissingNode());
        assertThat(entry.get("rectificationNote").asText()).startsWith("已完成信用修复")
                .contains("已补缴工资并完成信用修复培训").contains(Masking.idNumber(person.idNumber()))
                .doesNotContain(person.idNumber());
        assertThat(board.get("/api/board/{id}", corrected).path("rectificationNote").isNull()).isTrue();
        // the search's page comes from its in-memory index, which learns of the note from the revision log
        JsonNode found = board.get("/api/board?q={q}", person.idNumber());
        assertThat(found.get("items")).hasSize(1);
        assertThat(found.get("items").get(0).get("rectificationNote").asText()).isEqualTo(entry.get("rectificationNote")
                .asText());
        List<JsonNode> changes = board.changesOf(noted);
        assertThat(changes).extracting(c -> c.get("change").asText()).containsExactly("PUBLISHED", "PUBLISHED");
        assertThat(changes.get(1).toString()).contains("已完成信用修复");
        String csv = http.getForObject("/api/board/export.csv?q={q}", String.class, person.idNumber());
        assertThat(csv).contains("信用修复").contains("已完成信用修复");

        // a correction of the record keeps the note (the repair stands for the rest of validity)
        events.send(events.corrected(noted, 3, person, "拖欠农民工工资（更正）"));
        await().atMost(Duration.ofSeconds(30)).until(() -> board.get("/api/board/{id}", noted).get("version")
                .asLong() == 3);
        assertThat(board.get("/api/board/{id}", noted).get("rectificationNote").asText()).startsWith("已完成信用修复");
    }

    private void decide(UUID listingId, DecisionKind kind, String note) {
        Instant now = Instant.now();
        Envelope<DecisionMade> decision = Envelope.of("/repair-service", EventTypes.DECISION_MADE, now,
                listingId.toString(), new DecisionMade(UUID.randomUUID(), listingId, "REPAIR", UUID.randomUUID(), kind,
                        "tax", note, now));
        try {
            kafka.send(Topics.REPAIR_EVENTS, listingId.toString(), codec.encode(decision)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
