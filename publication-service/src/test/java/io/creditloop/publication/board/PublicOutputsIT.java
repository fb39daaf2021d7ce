package io.creditloop.publication.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.publication.BoardClient;
import io.creditloop.testsupport.ListingEventsFixture;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.creditloop.testsupport.ListingEventsFixture.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R7, R16: one scan over every public output of the service for natural persons: no unmasked 18-character ID
 * number anywhere, and the masked form where the person is shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicOutputsIT {

    /** An unmasked 18-character resident ID number anywhere in a text. */
    private static final Pattern RAW_ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ListingEventsFixture events;

    @Test
    @DisplayName("R7, R16: page, API, exports, feeds and release document show persons masked, never a raw ID number")
    void everyOutputIsMasked() throws Exception {
        BoardClient board = new BoardClient(http, json);
        Subject listed = person("欧阳明月");
        Subject exited = person("司马光明");
        UUID listedId = UUID.randomUUID();
        UUID exitedId = UUID.randomUUID();
        Instant now = Instant.now();
        // departments are told not to, but a raw number in a free text must not get out either
        events.send(Envelope.of("/identification-service", EventTypes.LISTING_CONFIRMED, now, listed.key(),
                new ListingConfirmed(listedId, 2, ListingEventsFixture.BLACK_TAX, listed,
                        "当事人（身份证号 " + listed.idNumber() + "）拖欠农民工工资", "《保障农民工工资支付条例》",
                        "hrss", events.today(), events.today(), events.today().plusYears(3), now)));
        events.send(events.confirmed(exitedId, exited, "拖欠农民工工资"));
        board.awaitOnBoard(listedId);
        board.awaitOnBoard(exitedId);
        events.send(Envelope.of("/identification-service", EventTypes.LISTING_EXITED, now, exited.key(),
                new ListingExited(exitedId, 3, ListingEventsFixture.BLACK_TAX, exited, "tax", ExitReason.REPAIRED,
                        events.today(), "已履行义务（" + exited.idNumber() + "）", now)));
        board.awaitOffBoard(exitedId);
        ResponseEntity<String> release = http.postForEntity("/api/board/releases", Map.of("kind", "UNIFIED"),
                String.class);
        assertThat(release.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long releaseNo = board.body(release).get("no").asLong();

        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("page", text("/board/"));
        outputs.put("page script", text("/board/board.js"));
        outputs.put("API search by ID number", text("/api/board?q={q}", listed.idNumber()));
        outputs.put("API search by name", text("/api/board?q={q}&size=100", "欧阳"));
        outputs.put("API item", text("/api/board/{id}", listedId));
        outputs.put("announcements", text("/api/board/announcements?size=100"));
        outputs.put("CSV", text("/api/board/export.csv?q={q}", "欧阳"));
        outputs.put("xlsx", cells(bytes("/api/board/export.xlsx?q={q}", "欧阳")));
        outputs.put("Atom", text("/api/board/feed.atom"));
        outputs.put("delta feed", String.join("\n", board.allChanges().stream().map(JsonNode::toString).toList()));
        outputs.put("release", text("/api/board/releases/{no}", releaseNo));
        outputs.put("release entries", text("/api/board/releases/{no}/entries?size=100", releaseNo));
        outputs.put("release document", cells(bytes("/api/board/releases/{no}.xlsx", releaseNo)));

        assertThat(outputs).allSatisfy((name, text) -> {
            assertThat(RAW_ID_NUMBER.matcher(text).find()).as("raw ID number in the %s", name).isFalse();
            assertThat(text).as(name).doesNotContain("欧阳明月").doesNotContain("司马光明");
        });
        String listedMasked = Masking.idNumber(listed.idNumber());
        String exitedMasked = Masking.idNumber(exited.idNumber());
        assertThat(Map.of(
                "API search by ID number", outputs.get("API search by ID number"),
                "API item", outputs.get("API item"),
                "CSV", outputs.get("CSV"),
                "xlsx", outputs.get("xlsx"),
                "Atom", outputs.get("Atom"),
                "delta feed", outputs.get("delta feed"),
                "release entries", outputs.get("release entries"),
                "release document", outputs.get("release document")))
                .allSatisfy((name, text) -> assertThat(text).as(name).contains(listedMasked).contains("欧阳**"));
        assertThat(outputs.get("announcements")).contains(exitedMasked).contains("司马**");
        assertThat(outputs.get("delta feed")).contains(exitedMasked);
    }

    private String text(String uri, Object... variables) {
        ResponseEntity<byte[]> response = http.getForEntity(uri, byte[].class, variables);
        assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.OK);
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String uri, Object... variables) {
        ResponseEntity<byte[]> response = http.getForEntity(uri, byte[].class, variables);
        assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Every cell's text, one line per row. */
    private static String cells(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(cell -> text.append(format.formatCellValue(cell)).append('\t'));
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }
}
