package io.creditloop.publication.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.publication.BoardClient;
import io.creditloop.testsupport.ListingEventsFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static io.creditloop.testsupport.ListingEventsFixture.person;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchAndFeedIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ListingEventsFixture events;

    BoardClient board;

    @BeforeEach
    void client() {
        board = new BoardClient(http, json);
    }

    @Test
    @DisplayName("R7, R16: a person is found by the full ID number, which is neither stored nor shown")
    void searchByIdNumber() {
        Subject person = person("赵钱孙");
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, person, "拖欠农民工工资"));
        board.awaitOnBoard(listingId);

        JsonNode found = board.get("/api/board?q={q}", person.idNumber());
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("listingId").asText()).isEqualTo(listingId.toString());
        assertThat(found.get("items").get(0).get("maskedIdNumber").asText())
                .isEqualTo(person.idNumber().substring(0, 6) + "********" + person.idNumber().substring(14));
        // the masked form is no key: it would match everyone born in the same district with the same last digits
        assertThat(board.get("/api/board?q={q}", found.get("items").get(0).get("maskedIdNumber").asText())
                .get("total").asLong()).isZero();
        assertThat(board.get("/api/board?q={q}", ListingEventsFixture.residentId()).get("total").asLong()).isZero();
    }

    @Test
    @DisplayName("R7: the board filters by list kind, list type, recognising department and recognition date")
    void filters() {
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        ListType red = new ListType("TAX_A_CREDIT", 1, "纳税信用A级纳税人名单", ListKind.RED, department);
        Subject company = organisation();
        UUID redId = UUID.randomUUID();
        events.send(events.confirmed(redId, red, company, "连续三年纳税信用A级"));
        board.awaitOnBoard(redId);
        LocalDate recognised = events.today().minusDays(30);

        assertThat(total("/api/board?department={d}", department)).isEqualTo(1);
        assertThat(total("/api/board?department={d}&kind=RED&type=TAX_A_CREDIT", department)).isEqualTo(1);
        assertThat(total("/api/board?department={d}&kind=BLACK", department)).isZero();
        assertThat(total("/api/board?department={d}&type=OTHER", department)).isZero();
        assertThat(total("/api/board?department={d}&from={f}&to={t}", department, recognised, recognised)).isEqualTo(1);
        assertThat(total("/api/board?department={d}&from={f}", department, recognised.plusDays(1))).isZero();
        assertThat(total("/api/board?department={d}&to={t}", department, recognised.minusDays(1))).isZero();

        var reversed = http.getForEntity("/api/board?from={f}&to={t}", String.class, recognised, recognised.minusDays(1));
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(board.body(reversed).get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(http.getForEntity("/api/board?from=yesterday", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @DisplayName("R7, R13: the delta feed carries publication, removal and announcement, in order, after a cursor")
    void deltaFeedWithRemovals() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, company, "虚开增值税专用发票"));
        board.awaitOnBoard(listingId);
        events.send(events.exited(listingId, 3, company, ExitReason.EXPIRED));
        board.awaitOffBoard(listingId);

        List<JsonNode> changes = board.changesOf(listingId);
        assertThat(changes).extracting(c -> c.get("change").asText())
                .containsExactly("PUBLISHED", "REMOVED", "ANNOUNCED");
        assertThat(changes.get(0).get("entry").get("uscc").asText()).isEqualTo(company.uscc());
        assertThat(changes.get(1).has("entry")).isFalse();
        assertThat(changes.get(1).has("announcement")).isFalse();
        assertThat(changes.get(2).get("announcement").get("exitReason").asText()).isEqualTo("EXPIRED");
        assertThat(changes).extracting(c -> c.get("cursor").asLong()).isSorted();

        // a mirror that read up to the publication gets exactly the rest
        long afterPublication = changes.get(0).get("cursor").asLong();
        JsonNode rest = board.get("/api/board/changes?after={a}&limit=1000", afterPublication);
        assertThat(rest.get("items")).noneMatch(c -> c.get("cursor").asLong() <= afterPublication);
        assertThat(rest.get("items").findValuesAsText("listingId")).contains(listingId.toString());
    }

    @Test
    @DisplayName("R11: an erroneous listing leaves only a tombstone in the delta feed: no subject, no announcement")
    void erroneousTombstone() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, company, "虚开增值税专用发票"));
        board.awaitOnBoard(listingId);
        events.send(events.exited(listingId, 3, company, ExitReason.ERRONEOUS));
        board.awaitOffBoard(listingId);

        List<JsonNode> changes = board.changesOf(listingId);
        // R11: the publication's copy in the feed is erased too; the bare tombstone tells mirrors to delete it
        assertThat(changes).extracting(c -> c.get("change").asText()).containsExactly("REMOVED");
        assertThat(changes.get(0).toString()).doesNotContain(company.uscc()).doesNotContain(company.name());
        assertThat(board.announcement(listingId)).isNull();
        String atom = http.getForObject("/api/board/feed.atom", String.class);
        assertThat(atom).contains("撤下公示：名单编号 " + listingId);
    }

    @Test
    @DisplayName("R12, R13: an exit after a repair is announced with the rectification noted")
    void repairNote() {
        Subject person = person("钱多多");
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, person, "拖欠农民工工资"));
        board.awaitOnBoard(listingId);
        String note = "已足额支付拖欠工资并完成信用修复培训（身份证 " + person.idNumber() + "）";
        Instant now = Instant.now();
        events.send(Envelope.of("/identification-service", EventTypes.LISTING_EXITED, now, person.key(),
                new ListingExited(listingId, 3, ListingEventsFixture.BLACK_TAX, person, "tax", ExitReason.REPAIRED,
                        events.today(), note, now)));
        board.awaitOffBoard(listingId);

        JsonNode announcement = board.announcement(listingId);
        assertThat(announcement.get("exitReason").asText()).isEqualTo("REPAIRED");
        assertThat(announcement.get("note").asText())
                .startsWith("已足额支付拖欠工资并完成信用修复培训")
                .contains(Masking.idNumber(person.idNumber()))
                .doesNotContain(person.idNumber());
    }

    @Test
    @DisplayName("R7: the Atom feed lists the newest changes with the masked subject")
    void atomFeed() {
        Subject person = person("孙悟空");
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, person, "拖欠农民工工资"));
        board.awaitOnBoard(listingId);

        var response = http.getForEntity("/api/board/feed.atom", String.class);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
        assertThat(response.getBody())
                .startsWith("<?xml")
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .contains("列入黑名单：孙**（重大税收违法案件当事人名单）")
                .contains(Masking.idNumber(person.idNumber()))
                .doesNotContain(person.idNumber());
    }

    private long total(String uri, Object... variables) {
        return board.get(uri, variables).get("total").asLong();
    }
}
