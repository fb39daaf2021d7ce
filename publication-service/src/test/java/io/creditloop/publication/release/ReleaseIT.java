package io.creditloop.publication.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.publication.BoardClient;
import io.creditloop.publication.MovableClock;
import io.creditloop.testsupport.ListingEventsFixture;
import io.creditloop.testsupport.TestTokens;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** Releases (R7, 000 §3; 004 §4(三)1); same context as {@code WindowIT}, so the clock moves here too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"creditloop.publication.announcement-period=P30D", "creditloop.publication.releases.period=P6M"})
@Import(MovableClock.Config.class)
class ReleaseIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ListingEventsFixture events;
    @Autowired
    MovableClock clock;
    @Autowired
    ReleaseService releases;

    BoardClient board;

    @BeforeEach
    void client() {
        board = new BoardClient(http, json);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName("R7: a release is a frozen snapshot: later listings, corrections and exits do not change it")
    void frozenSnapshot() {
        String department = department();
        Subject kept = organisation();
        UUID keptId = UUID.randomUUID();
        events.send(events.confirmed(keptId, black(department), kept, "原事由"));
        board.awaitOnBoard(keptId);

        JsonNode release = post(Map.of("kind", "DEPARTMENT", "department", department));
        long no = release.get("no").asLong();
        assertThat(release.get("entryCount").asInt()).isEqualTo(1);
        assertThat(release.get("cutOff").asText()).isEqualTo(events.today().toString());

        Subject later = organisation();
        UUID laterId = UUID.randomUUID();
        events.send(events.confirmed(laterId, black(department), later, "发布后列入"));
        board.awaitOnBoard(laterId);
        events.send(events.exited(keptId, 3, kept, ExitReason.REVOKED));
        board.awaitOffBoard(keptId);

        JsonNode again = board.get("/api/board/releases/{no}", no);
        assertThat(again.get("entryCount").asInt()).isEqualTo(1);
        JsonNode entries = board.get("/api/board/releases/{no}/entries?size=100", no);
        assertThat(entries.get("items").findValuesAsText("listingId")).containsExactly(keptId.toString());
        assertThat(entries.get("items").get(0).get("reason").asText()).isEqualTo("原事由");

        JsonNode next = post(Map.of("kind", "DEPARTMENT", "department", department));
        assertThat(next.get("no").asLong()).isGreaterThan(no);
        assertThat(board.get("/api/board/releases/{no}/entries?size=100", next.get("no").asLong()).get("items")
                .findValuesAsText("listingId")).containsExactly(laterId.toString());
    }

    @Test
    @DisplayName("R7: a unified release covers every department and its printable document counts them")
    void unifiedDocument() throws Exception {
        String red = department();
        String black = department();
        UUID r1 = UUID.randomUUID();
        UUID b1 = UUID.randomUUID();
        UUID b2 = UUID.randomUUID();
        events.send(events.confirmed(r1, new ListType("A_TAXPAYER", 1, "纳税信用A级纳税人名单", ListKind.RED, red),
                organisation(), "A级"));
        events.send(events.confirmed(b1, black(black), organisation(), "失信一"));
        events.send(events.confirmed(b2, black(black), organisation(), "失信二"));
        List.of(r1, b1, b2).forEach(board::awaitOnBoard);

        JsonNode release = post(Map.of("kind", "UNIFIED"));
        assertThat(release.get("department").isNull()).isTrue();
        assertThat(release.get("counts")).anySatisfy(c -> {
            assertThat(c.get("department").asText()).isEqualTo(red);
            assertThat(c.get("red").asInt()).isEqualTo(1);
        }).anySatisfy(c -> {
            assertThat(c.get("department").asText()).isEqualTo(black);
            assertThat(c.get("black").asInt()).isEqualTo(2);
        });

        ResponseEntity<byte[]> document = http.getForEntity("/api/board/releases/{no}.xlsx", byte[].class,
                release.get("no").asLong());
        assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(document.getBody()))) {
            List<List<String>> entries = rows(workbook.getSheet("发布名单"));
            assertThat(entries.get(0).get(0)).startsWith("信用红黑名单统一发布 第" + release.get("no").asLong() + "期");
            assertThat(entries).anySatisfy(row -> assertThat(row).contains(b1.toString(), "失信一", black));
            List<List<String>> counts = rows(workbook.getSheet("部门统计"));
            assertThat(counts).contains(List.of(black, "0", "2", "0", "2"), List.of(red, "1", "0", "0", "1"));
            assertThat(counts.get(counts.size() - 1).get(4)).isEqualTo(release.get("entryCount").asText());
        }
    }

    @Test
    @DisplayName("R7: the scheduled unified release (here every 6 months) is made once per due date")
    void scheduled() {
        releases.releaseIfDue();   // whatever the state before, the current period has its release now
        assertThat(releases.releaseIfDue()).isEmpty();

        clock.plusDays(190);
        Release made = releases.releaseIfDue().orElseThrow();
        assertThat(made.kind()).isEqualTo(ReleaseKind.UNIFIED);
        assertThat(made.cutOff()).isEqualTo(events.today());
        assertThat(releases.releaseIfDue()).isEmpty();
    }

    @Test
    @DisplayName("R7: bad release requests are RFC 7807 problems naming the field")
    void problems() {
        var noDepartment = http.postForEntity("/api/board/releases", Map.of("kind", "DEPARTMENT"), String.class);
        assertThat(noDepartment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(board.body(noDepartment).get("errors").get(0).get("field").asText()).isEqualTo("department");

        var future = http.postForEntity("/api/board/releases",
                Map.of("kind", "UNIFIED", "cutOff", events.today().plusDays(1).toString()), String.class);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(board.body(future).get("errors").get(0).get("field").asText()).isEqualTo("cutOff");

        assertThat(board.status("/api/board/releases/{no}", 999_999_999)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(board.status("/api/board/releases/{no}.xlsx", 999_999_999)).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode post(Map<String, String> request) {
        ResponseEntity<String> response = http.postForEntity("/api/board/releases", request, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return board.body(response);
    }

    private static ListType black(String department) {
        return new ListType("TAX_MAJOR_VIOLATION", 1, "重大税收违法案件当事人名单", ListKind.BLACK, department);
    }

    private static String department() {
        return "dept-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    @DisplayName("R16: only the credit office makes a release; a department or the public is refused and nothing is released, while the public still reads the board")
    void onlyTheCreditOfficeReleases() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM board_release").query(Long.class).single();
        HttpHeaders department = TestTokens.headers(TestTokens.department("tax"));
        assertThat(http.postForEntity("/api/board/releases", new HttpEntity<>(Map.of("kind", "UNIFIED"), department),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> anonymous = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(http.getRootUri() + "/api/board/releases"))
                .header("Content-Type", "application/json").header("X-Credit-Office", "true")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"UNIFIED\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM board_release").query(Long.class).single()).isEqualTo(before);

        assertThat(client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri()
                        + "/api/board/releases")).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        assertThat(client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri()
                        + "/api/board")).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        HttpHeaders office = TestTokens.headers(TestTokens.creditOffice());
        assertThat(http.postForEntity("/api/board/releases", new HttpEntity<>(Map.of("kind", "UNIFIED"), office),
                String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
