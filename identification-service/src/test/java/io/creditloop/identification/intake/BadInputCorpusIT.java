package io.creditloop.identification.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bad-input corpus ({@code src/test/resources/intake/corpus/corpus.csv}, described in its README.md) uploaded
 * through the public HTTP API as a department's clerk would: each file gets its clear error or is read correctly,
 * never a 500 or a partial write, and the same file uploaded again changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.identification.lifecycle-enabled=false")
class BadInputCorpusIT {

    private static final String CORPUS = "/intake/corpus/";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    /**
     * One line of the manifest.
     *
     * @param rejections {@code [sheet!]row|column|message fragment}, one per rejection reason
     */
    record Case(String file, boolean generated, String department, int status, String state, long accepted,
                long rejected, List<Expected> rejections, String error, String notes, String what) {

        @Override
        public String toString() {
            return file + " → " + (status == 202 ? state + " " + accepted + " accepted, " + rejected + " rejected"
                    : status + " " + error);
        }
    }

    record Expected(String sheet, int row, String column, String fragment) {

        String where() {
            return (sheet == null ? "" : sheet + "!") + row + "|" + column;
        }
    }

    static Stream<Case> corpus() throws IOException {
        try (InputStream in = BadInputCorpusIT.class.getResourceAsStream(CORPUS + "corpus.csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180.builder()
                     .setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<Case> cases = new ArrayList<>();
            for (CSVRecord r : csv) {
                cases.add(new Case(r.get("file"), r.get("made").equals("generated"), r.get("department"),
                        Integer.parseInt(r.get("status")), r.get("state"), number(r.get("accepted")),
                        number(r.get("rejected")), expected(r.get("rejections")), r.get("error"), r.get("notes"),
                        r.get("what")));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @DisplayName("R3: every file of the bad-input corpus gets its clear error or is read correctly; never a 5xx, "
            + "never a partial write; the same file again changes nothing")
    void corpusFile(Case c) throws IOException {
        Path file = materialise(c);
        long listingsBefore = listings();

        ResponseEntity<JsonNode> first = upload(file, c.department());

        assertThat(first.getStatusCode().is5xxServerError()).as("5xx for %s: %s", c.file(), first.getBody())
                .isFalse();
        assertThat(first.getStatusCode().value()).as("%s: %s", c.file(), first.getBody()).isEqualTo(c.status());
        if (c.status() != HttpStatus.ACCEPTED.value()) {
            assertRefused(c, first);
            assertThat(listings()).as("listings written by a refused upload").isEqualTo(listingsBefore);
            ResponseEntity<JsonNode> again = upload(file, c.department());
            assertThat(again.getStatusCode().value()).isEqualTo(c.status());
            assertRefused(c, again);
            assertThat(listings()).isEqualTo(listingsBefore);
            return;
        }

        JsonNode done = awaitFinished(first.getBody().get("id").asText());
        assertThat(done.get("state").asText()).as("%s: %s", c.file(), done).isEqualTo(c.state());
        assertThat(counts(done)).as("rows read, accepted, rejected, duplicates of %s", c.file())
                .containsExactly(c.accepted() + c.rejected(), c.accepted(), c.rejected(), 0L);
        if (c.state().equals("FAILED")) {
            assertThat(done.get("failureReason").asText()).contains(c.error());
        }
        if (!c.notes().isEmpty()) {
            assertThat(done.get("notes").toString()).contains(c.notes());
        }
        long listingsAfter = listings();
        assertThat(listingsAfter - listingsBefore).as("listings written by %s: exactly its accepted rows", c.file())
                .isEqualTo(c.accepted());
        assertRejections(c, done.get("id").asText());
        assertReport(c, done.get("id").asText());

        JsonNode again = awaitFinished(upload(file, c.department()).getBody().get("id").asText());
        assertThat(again.get("state").asText()).isEqualTo(c.state());
        assertThat(counts(again)).as("the same file again: %s", c.file())
                .containsExactly(c.accepted() + c.rejected(), 0L, c.rejected(), c.accepted());
        assertThat(listings()).as("listings after uploading %s again", c.file()).isEqualTo(listingsAfter);
    }

    private static void assertRefused(Case c, ResponseEntity<JsonNode> refused) {
        assertThat(refused.getHeaders().getContentType()).isNotNull();
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        JsonNode problem = refused.getBody();
        assertThat(problem.get("status").asInt()).isEqualTo(c.status());
        assertThat(problem.get("detail").asText()).as("%s", problem).contains(c.error());
        assertThat(problem.get("errors")).as("%s", problem).isNotEmpty();
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("at io.creditloop");
    }

    private void assertRejections(Case c, String id) {
        JsonNode page = http.getForObject("/api/intake/uploads/" + id + "/rejections?size=1000", JsonNode.class);
        List<String> found = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        String firstSheet = null;
        for (JsonNode item : page.get("items")) {
            String sheet = item.get("sheet").asText();
            firstSheet = firstSheet == null ? sheet : firstSheet;
            found.add(sheet + "!" + item.get("row").asInt() + "|" + item.get("column").asText());
            messages.add(item.get("message").asText());
        }
        String defaultSheet = firstSheet;
        List<String> expected = c.rejections().stream().map(e -> (e.sheet() == null ? defaultSheet : e.sheet()) + "!"
                + e.row() + "|" + e.column()).toList();
        assertThat(found).as("rejections of %s: %s", c.file(), page).containsExactlyInAnyOrderElementsOf(expected);
        for (Expected e : c.rejections()) {
            String where = (e.sheet() == null ? defaultSheet : e.sheet()) + "!" + e.row() + "|" + e.column();
            List<String> there = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                if (found.get(i).equals(where)) {
                    there.add(messages.get(i));
                }
            }
            assertThat(there).as("messages at %s", where).anySatisfy(m -> assertThat(m).contains(e.fragment()));
        }
        // R16: a message never echoes an ID number
        assertThat(page.toString()).doesNotContainPattern("\\d{17}[\\dX]");
    }

    /** The report is the original sheet with an error column: each rejected row carries its reasons. */
    private void assertReport(Case c, String id) throws IOException {
        ResponseEntity<byte[]> report = http.getForEntity("/api/intake/uploads/" + id + "/report.xlsx", byte[].class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.getBody()))) {
            for (Expected e : c.rejections()) {
                Sheet sheet = e.sheet() == null ? workbook.getSheetAt(0) : workbook.getSheet(e.sheet());
                Row row = sheet.getRow(e.row() - 1);
                assertThat(row).as("report row %s", e.where()).isNotNull();
                List<String> texts = new ArrayList<>();
                for (Cell cell : row) {
                    texts.add(cell.toString());
                }
                assertThat(texts).as("report row %s", e.where())
                        .anySatisfy(t -> assertThat(t).contains(e.column() + "：", e.fragment()));
            }
        }
    }

    private Path materialise(Case c) throws IOException {
        Path target = dir.resolve(Path.of(c.file()).getFileName().toString());
        if (c.generated()) {
            return CorpusWorkbooks.write(target.getFileName().toString(), dir);
        }
        try (InputStream in = BadInputCorpusIT.class.getResourceAsStream(
                Path.of(CORPUS + c.file()).normalize().toString().replace('\\', '/'))) {
            assertThat(in).as("corpus file %s", c.file()).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    private ResponseEntity<JsonNode> upload(Path file, String department) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new FileSystemResource(file));
        form.add("department", department);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/intake/uploads", new HttpEntity<>(form, headers), JsonNode.class);
    }

    private JsonNode awaitFinished(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ResponseEntity<JsonNode> polled = http.getForEntity("/api/intake/uploads/" + id, JsonNode.class);
            assertThat(polled.getStatusCode()).isEqualTo(HttpStatus.OK);
            last[0] = polled.getBody();
            String state = last[0].get("state").asText();
            return state.equals("DONE") || state.equals("FAILED");
        });
        return last[0];
    }

    private long listings() {
        return jdbc.sql("SELECT count(*) FROM listing").query(Long.class).single();
    }

    private static List<Long> counts(JsonNode upload) {
        return List.of(upload.get("rowsRead").asLong(), upload.get("accepted").asLong(),
                upload.get("rejected").asLong(), upload.get("duplicates").asLong());
    }

    private static long number(String text) {
        return text.isBlank() ? 0 : Long.parseLong(text.strip());
    }

    private static List<Expected> expected(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(" ; ")).map(line -> {
            String[] parts = line.strip().split("\\|", 3);
            String sheet = null;
            String row = parts[0];
            if (row.contains("!")) {
                sheet = row.substring(0, row.indexOf('!'));
                row = row.substring(row.indexOf('!') + 1);
            }
            return new Expected(sheet, Integer.parseInt(row), parts[1], parts[2]);
        }).toList();
    }
}
