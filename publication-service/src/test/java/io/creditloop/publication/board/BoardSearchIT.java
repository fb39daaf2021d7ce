package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.publication.BoardClient;
import io.creditloop.testsupport.ListingEventsFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static io.creditloop.testsupport.ListingEventsFixture.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The board's search answered from the in-memory index gives what the table gives (R7). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoardSearchIT {

    @Autowired
    ListingEventsFixture events;
    @Autowired
    BoardSearch search;
    @Autowired
    BoardEntries entries;
    @Autowired
    BoardRevisions revisions;
    @Autowired
    IdNumberKeys idNumberKeys;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    @DisplayName("R7: every search answered from the index equals the same search of the table, after corrections and exits")
    void indexAnswersAsTheTableDoes() {
        BoardClient board = new BoardClient(http, json);
        String department = "d" + UUID.randomUUID().toString().substring(0, 6);
        ListType red = new ListType("TAX_A_CREDIT", 1, "纳税信用A级纳税人名单", ListKind.RED, department);
        ListType black = new ListType("WAGE_ARREARS", 1, "拖欠农民工工资失信联合惩戒对象名单", ListKind.BLACK, department);
        List<UUID> onBoard = new ArrayList<>();
        List<Subject> subjects = new ArrayList<>();
        String[] names = {"鑫源建材", "华兴物流", "宏达机械制造", "恒昌矿业", "金泰化工"};
        for (int i = 0; i < 20; i++) {
            Subject company = organisation();
            Subject named = new Subject(company.key(), SubjectType.ORGANISATION, "黄石" + names[i % 5] + i + "有限公司",
                    company.uscc(), company.idType(), company.idNumber(), company.legalRepresentative());
            UUID id = UUID.randomUUID();
            events.send(events.confirmed(id, i % 3 == 0 ? red : black, named, "事由" + i));
            onBoard.add(id);
            subjects.add(named);
        }
        Subject person = person("柯建国");
        UUID personListing = UUID.randomUUID();
        events.send(events.confirmed(personListing, black, person, "拖欠工资"));
        onBoard.forEach(board::awaitOnBoard);
        board.awaitOnBoard(personListing);
        // a correction renames one entry, two entries leave the board
        events.send(events.corrected(onBoard.get(1), 3, new Subject(subjects.get(1).key(), SubjectType.ORGANISATION,
                "黄石更名后贸易有限公司", subjects.get(1).uscc(), null, null, null), "事由更正"));
        events.send(events.exited(onBoard.get(2), 3, subjects.get(2), ExitReason.EXPIRED));
        events.send(events.exited(onBoard.get(3), 3, subjects.get(3), ExitReason.ERRONEOUS));
        board.awaitOffBoard(onBoard.get(2));
        board.awaitOffBoard(onBoard.get(3));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                board.get("/api/board?q={q}", "更名后").get("total").asLong() == 1);
        await().atMost(Duration.ofSeconds(30)).until(search::indexed);

        LocalDate today = events.today();
        List<BoardQuery> queries = List.of(
                new BoardQuery(null, null, null, department, null, null, 0, 100),
                new BoardQuery("有限公司", null, null, department, null, null, 0, 7),
                new BoardQuery("有限公司", null, null, department, null, null, 2, 7),
                new BoardQuery("建材", null, null, null, null, null, 0, 100),
                new BoardQuery("黄", ListKind.RED, null, department, null, null, 0, 100),
                new BoardQuery("物流", ListKind.BLACK, "WAGE_ARREARS", department, null, null, 0, 100),
                new BoardQuery("更名后", null, null, null, null, null, 0, 100),
                new BoardQuery("华兴物流1", null, null, null, null, null, 0, 100),
                new BoardQuery(subjects.get(4).uscc(), null, null, null, null, null, 0, 100),
                new BoardQuery(subjects.get(4).uscc().toLowerCase(), null, null, null, null, null, 0, 100),
                new BoardQuery(person.idNumber(), null, null, null, null, null, 0, 100),
                new BoardQuery("柯*", null, null, null, null, null, 0, 100),
                new BoardQuery(null, null, null, department, today.minusDays(40), today.minusDays(20), 0, 100),
                new BoardQuery(null, null, null, department, today.minusDays(10), null, 0, 100),
                new BoardQuery("没有这家公司", null, null, null, null, null, 0, 100));
        for (BoardQuery query : queries) {
            Page<BoardEntry> fromIndex = transactions.execute(s -> search.search(query, today));
            Page<BoardEntry> fromTable = transactions.execute(s -> entries.search(query, today));
            assertThat(ids(fromIndex)).as("%s", query).isEqualTo(ids(fromTable));
            // the page comes from the index too: every field as the table holds it
            assertThat(fromIndex.items()).as("%s", query).isEqualTo(fromTable.items());
            assertThat(fromIndex.total()).as("%s", query).isEqualTo(fromTable.total());
            assertThat(fromIndex.totalExact()).isTrue();
        }
        // 21 listed, 2 exited, 1 corrected into the fixture's own list type and department
        assertThat(ids(search.search(queries.get(0), today))).hasSize(18)
                .doesNotContain(onBoard.get(1), onBoard.get(2), onBoard.get(3));
        assertThat(ids(search.search(queries.get(8), today))).containsExactly(onBoard.get(4));
        assertThat(ids(search.search(queries.get(10), today))).containsExactly(personListing);
    }

    @Test
    @DisplayName("R7: another instance's index sees what this instance wrote, without being told")
    void anotherInstanceKeepsUp() {
        BoardSearch other = new BoardSearch(entries, revisions, idNumberKeys, true, Duration.ZERO, 1000);
        other.start();
        await().atMost(Duration.ofSeconds(30)).until(other::indexed);
        BoardClient board = new BoardClient(http, json);
        Subject company = organisation();
        UUID id = UUID.randomUUID();
        events.send(events.confirmed(id, company, "另一实例"));
        board.awaitOnBoard(id);
        BoardQuery byName = new BoardQuery(company.name(), null, 0, 10);

        assertThat(ids(other.search(byName, events.today()))).containsExactly(id);

        events.send(events.exited(id, 3, company, ExitReason.REPAIRED));
        board.awaitOffBoard(id);
        assertThat(ids(other.search(byName, events.today()))).isEmpty();
        assertThat(other.search(byName, events.today()).total()).isZero();
    }

    @Test
    @DisplayName("R7: past the counting limit the total is a lower bound, and paging still reaches every entry")
    void countingLimit() {
        BoardSearch limited = new BoardSearch(entries, revisions, idNumberKeys, true, Duration.ZERO, 3);
        limited.start();
        await().atMost(Duration.ofSeconds(30)).until(limited::indexed);
        BoardClient board = new BoardClient(http, json);
        String word = "限数" + UUID.randomUUID().toString().substring(0, 4);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Subject company = organisation();
            UUID id = UUID.randomUUID();
            events.send(events.confirmed(id, new Subject(company.key(), SubjectType.ORGANISATION, word + i + "公司",
                    company.uscc(), null, null, null), "计数"));
            ids.add(id);
        }
        ids.forEach(board::awaitOnBoard);

        Page<BoardEntry> first = limited.search(new BoardQuery(word, null, 0, 2), events.today());
        assertThat(first.items()).hasSize(2);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.totalExact()).isFalse();
        Page<BoardEntry> last = limited.search(new BoardQuery(word, null, 2, 2), events.today());
        assertThat(last.items()).hasSize(2);
        assertThat(last.total()).isEqualTo(6);
        assertThat(last.totalExact()).isTrue();
    }

    private static List<UUID> ids(Page<BoardEntry> page) {
        return page.items().stream().map(BoardEntry::listingId).toList();
    }
}
