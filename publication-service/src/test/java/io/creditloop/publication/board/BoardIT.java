package io.creditloop.publication.board;

import org.springframework.boot.test.context.SpringBootTest;
import io.creditloop.testsupport.ListingEventsFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.messaging.EventCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static io.creditloop.testsupport.ListingEventsFixture.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoardIT {

    /** An unmasked 18-character resident ID number anywhere in a text. */
    private static final Pattern RAW_ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventCodec codec;

    @Autowired
    ListingEventsFixture events;

    @Test
    @DisplayName("R7: a confirmed organisation listing is on the board with name and USCC, no legal representative")
    void organisationListing() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();

        events.send(events.confirmed(listingId, company, "虚开增值税专用发票"));

        JsonNode page = await().atMost(Duration.ofSeconds(30)).until(
                () -> body(http.getForEntity("/api/board?q={q}", String.class, company.uscc())),
                p -> p.get("total").asLong() == 1);
        JsonNode entry = page.get("items").get(0);
        assertThat(entry.get("listingId").asText()).isEqualTo(listingId.toString());
        assertThat(entry.get("version").asLong()).isEqualTo(2);
        assertThat(entry.get("listKind").asText()).isEqualTo("BLACK");
        assertThat(entry.get("listTypeName").asText()).isEqualTo("重大税收违法案件当事人名单");
        assertThat(entry.get("subjectType").asText()).isEqualTo("ORGANISATION");
        assertThat(entry.get("subjectName").asText()).isEqualTo(company.name());
        assertThat(entry.get("uscc").asText()).isEqualTo(company.uscc());
        assertThat(entry.get("maskedIdNumber").isNull()).isTrue();
        assertThat(entry.get("reason").asText()).isEqualTo("虚开增值税专用发票");
        assertThat(entry.get("validUntil").asText()).isEqualTo(events.today().plusYears(2).toString());
        assertThat(page.toString()).doesNotContain(company.idNumber()).doesNotContain(company.legalRepresentative());

        String byName = company.name().substring(2, 8);
        assertThat(body(http.getForEntity("/api/board?q={q}&kind=BLACK", String.class, byName)).get("total").asLong())
                .isEqualTo(1);
        assertThat(body(http.getForEntity("/api/board?q={q}&kind=RED", String.class, byName)).get("total").asLong())
                .isZero();
        assertThat(http.getForEntity("/api/board/{id}", String.class, listingId).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("R7: a gray list type is published only if its catalog entry says so")
    void grayPublishedSelectively() {
        Subject hidden = organisation();
        Subject shown = organisation();
        UUID hiddenId = UUID.randomUUID();
        UUID shownId = UUID.randomUUID();
        ListType privateGray = new ListType("TAX_KEY_ATTENTION", 1, "税收违法重点关注名单", ListKind.GRAY, "tax", false);
        ListType publicGray = new ListType("BIG_DATA_WARNING", 1, "大数据警示名单", ListKind.GRAY, "credit-office", true);

        events.send(events.confirmed(hiddenId, privateGray, hidden, "多次轻微违法"));
        events.send(events.confirmed(shownId, publicGray, shown, "三个领域重点关注"));

        await().atMost(Duration.ofSeconds(30)).until(
                () -> body(http.getForEntity("/api/board?q={q}", String.class, shown.uscc())),
                p -> p.get("total").asLong() == 1);
        assertThat(body(http.getForEntity("/api/board?q={q}", String.class, hidden.uscc())).get("total").asLong())
                .isZero();
        assertThat(http.getForEntity("/api/board/{id}", String.class, hiddenId).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("R7, R16: a natural person is published masked and the raw ID number appears nowhere")
    void personListing() {
        Subject person = person("欧阳娜娜");
        UUID listingId = UUID.randomUUID();

        events.send(events.confirmed(listingId, person, "拖欠农民工工资"));

        ResponseEntity<String> response = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/api/board/{id}", String.class, listingId),
                r -> r.getStatusCode() == HttpStatus.OK);
        JsonNode entry = body(response);
        assertThat(entry.get("subjectType").asText()).isEqualTo("PERSON");
        assertThat(entry.get("subjectName").asText()).isEqualTo("欧阳**");
        assertThat(entry.get("maskedIdNumber").asText())
                .isEqualTo(person.idNumber().substring(0, 6) + "********" + person.idNumber().substring(14));
        assertThat(entry.get("uscc").isNull()).isTrue();

        List<String> published = new ArrayList<>();
        published.add(response.getBody());
        published.add(http.getForEntity("/api/board?q={q}&size=100", String.class, "欧阳").getBody());
        assertThat(published).allSatisfy(text -> {
            assertThat(RAW_ID_NUMBER.matcher(text).find()).as("raw ID number in %s", text).isFalse();
            assertThat(text).doesNotContain("欧阳娜娜");
        });
        String stored = jdbc.sql("SELECT row_to_json(b)::text FROM board_entry b WHERE listing_id = :id")
                .param("id", listingId).query(String.class).single();
        assertThat(stored).doesNotContain(person.idNumber()).doesNotContain("欧阳娜娜");
    }

    @Test
    @DisplayName("R7: shown only within its validity; newest first in a stable, paged order")
    void window() {
        String token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Subject subject = organisation();
        UUID expired = UUID.randomUUID();
        UUID future = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        events.send(events.confirmed(expired, 2, named(subject, token), "过期", events.today().minusYears(2),
                events.today().minusDays(1)));
        events.send(events.confirmed(future, 2, named(subject, token), "未生效", events.today().plusDays(1), null));
        events.send(events.confirmed(first, 2, named(subject, token), "长期", events.today(), null));
        awaitOnBoard(first);
        events.send(events.confirmed(second, 2, named(subject, token), "到今天", events.today().minusDays(9),
                events.today()));
        awaitOnBoard(second);

        JsonNode page0 = body(http.getForEntity("/api/board?q={q}&size=1&page=0", String.class, token));
        JsonNode page1 = body(http.getForEntity("/api/board?q={q}&size=1&page=1", String.class, token));
        assertThat(page0.get("total").asLong()).isEqualTo(2);
        assertThat(page0.get("items").get(0).get("listingId").asText()).isEqualTo(second.toString());
        assertThat(page1.get("items").get(0).get("listingId").asText()).isEqualTo(first.toString());
        assertThat(http.getForEntity("/api/board/{id}", String.class, expired).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/board/{id}", String.class, future).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("R13: an exit takes the listing off the board and announces it, masked")
    void exitAnnounced() {
        Subject person = person("张三丰");
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, person, "拖欠农民工工资"));
        awaitOnBoard(listingId);

        events.send(events.exited(listingId, 3, person, ExitReason.REPAIRED));

        awaitOffBoard(listingId);
        JsonNode announcement = announcement(listingId);
        assertThat(announcement).isNotNull();
        assertThat(announcement.get("exitReason").asText()).isEqualTo("REPAIRED");
        assertThat(announcement.get("exitDate").asText()).isEqualTo(events.today().toString());
        assertThat(announcement.get("subjectName").asText()).isEqualTo("张**");
        assertThat(announcement.get("listTypeName").asText()).isEqualTo("重大税收违法案件当事人名单");
        assertThat(RAW_ID_NUMBER.matcher(announcement.toString()).find()).isFalse();
    }

    @Test
    @DisplayName("R11, R13: an erroneous listing leaves the board with no announcement naming the subject")
    void erroneousExitNotAnnounced() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, company, "虚开增值税专用发票"));
        awaitOnBoard(listingId);

        events.send(events.exited(listingId, 3, company, ExitReason.ERRONEOUS));

        awaitOffBoard(listingId);
        assertThat(announcement(listingId)).isNull();
        assertThat(body(http.getForEntity("/api/board/announcements?size=100", String.class)).toString())
                .doesNotContain(company.uscc());
    }

    @Test
    @DisplayName("R10: a correction replaces the entry and keeps its first publication time")
    void correction() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, company, "原事由"));
        JsonNode before = awaitOnBoard(listingId);

        events.send(events.corrected(listingId, 3, company, "更正后事由"));

        JsonNode after = await().atMost(Duration.ofSeconds(30)).until(() -> entry(listingId),
                e -> e.get("version").asLong() == 3);
        assertThat(after.get("reason").asText()).isEqualTo("更正后事由");
        assertThat(after.get("publishedAt")).isEqualTo(before.get("publishedAt"));
    }

    @Test
    @DisplayName("a redelivered event changes nothing: its version is on the board already (listing events take no inbox row)")
    void duplicateDelivery() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        Envelope<ListingConfirmed> original = events.confirmed(listingId, company, "原事由");
        events.send(original);
        awaitOnBoard(listingId);

        events.send(original);
        sentinelFor(company);

        JsonNode entry = entry(listingId);
        assertThat(entry.get("version").asLong()).isEqualTo(2);
        assertThat(entry.get("reason").asText()).isEqualTo("原事由");
        assertThat(jdbc.sql("SELECT count(*) FROM board_change WHERE listing_id = :id").param("id", listingId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("an older version after a newer one is ignored")
    void staleVersion() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.corrected(listingId, 3, company, "更正后事由"));
        awaitOnBoard(listingId);

        events.send(events.confirmed(listingId, company, "原事由"));
        sentinelFor(company);

        JsonNode entry = entry(listingId);
        assertThat(entry.get("version").asLong()).isEqualTo(3);
        assertThat(entry.get("reason").asText()).isEqualTo("更正后事由");
    }

    @Test
    @DisplayName("R13: a late correction after the exit does not bring the listing back")
    void staleAfterExit() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, company, "原事由"));
        awaitOnBoard(listingId);
        events.send(events.exited(listingId, 4, company, ExitReason.EXPIRED));
        awaitOffBoard(listingId);

        events.send(events.corrected(listingId, 3, company, "迟到的更正"));
        sentinelFor(company);

        assertThat(http.getForEntity("/api/board/{id}", String.class, listingId).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("a poison message goes to identification.listing.events.dlt and does not block the partition")
    void poisonToDeadLetter() {
        Subject company = organisation();

        ListingEventsFixture.Poison poison = events.sendPoison(company);
        sentinelFor(company);

        assertThat(events.awaitDeadLettered(poison)).hasSize(2);
    }

    @Test
    @DisplayName("errors are RFC 7807 problem details")
    void problems() {
        ResponseEntity<String> unknown = http.getForEntity("/api/board/{id}", String.class, UUID.randomUUID());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(unknown).get("title").asText()).isEqualTo("Not on the board");

        ResponseEntity<String> badSize = http.getForEntity("/api/board?size=0", String.class);
        assertThat(badSize.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(badSize).get("errors").get(0).get("field").asText()).isEqualTo("size");

        ResponseEntity<String> badKind = http.getForEntity("/api/board?kind=PURPLE", String.class);
        assertThat(badKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKind.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<String> badId = http.getForEntity("/api/board/not-a-uuid", String.class);
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody()).doesNotContain("Exception");
    }

    /**
     * Publishes a fresh listing of the same subject (same key, so same partition, behind every earlier event of the
     * subject) and waits until it is on the board: everything sent before it has been handled by then.
     */
    private void sentinelFor(Subject subject) {
        UUID sentinel = UUID.randomUUID();
        events.send(events.confirmed(sentinel, subject, "sentinel"));
        awaitOnBoard(sentinel);
    }

    private static Subject named(Subject subject, String token) {
        return new Subject(subject.key(), subject.type(), "测试" + token + "有限公司", subject.uscc(),
                subject.idType(), subject.idNumber(), subject.legalRepresentative());
    }

    private JsonNode awaitOnBoard(UUID listingId) {
        return body(await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/api/board/{id}", String.class, listingId),
                r -> r.getStatusCode() == HttpStatus.OK));
    }

    private void awaitOffBoard(UUID listingId) {
        await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/api/board/{id}", String.class, listingId).getStatusCode(),
                status -> status == HttpStatus.NOT_FOUND);
    }

    private JsonNode entry(UUID listingId) {
        ResponseEntity<String> response = http.getForEntity("/api/board/{id}", String.class, listingId);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return body(response);
    }

    private JsonNode announcement(UUID listingId) {
        for (JsonNode a : body(http.getForEntity("/api/board/announcements?size=100", String.class)).get("items")) {
            if (a.get("listingId").asText().equals(listingId.toString())) {
                return a;
            }
        }
        return null;
    }

    private JsonNode body(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
