package io.creditloop.identification.listing;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Topics;
import io.creditloop.testsupport.Identifiers;
import io.creditloop.testsupport.ListingEventsFixture;
import io.creditloop.testsupport.PersonalDataScan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R11 (001 §19): a natural person's black listing exited as erroneous leaves nothing of the person in identification's
 * schema: not the name, the ID number (full or masked), the legal representative, the free texts or the person key;
 * the listing and its history stay as tombstones, and the outbox forgets the listing's events once they went out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.identification.lifecycle-enabled=false")
class ErroneousListingErasureIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ListingEventsFixture events;

    @Test
    @DisplayName("R11: an erroneous person listing leaves only a tombstone in identification, events relayed then erased")
    void erroneousPersonListingLeavesNoPersonalData() {
        String idNumber = Identifiers.residentId();
        String name = "错删测试" + idNumber.substring(12, 16);
        String reason = "有履行能力而拒不履行（" + name + "）";
        ResponseEntity<JsonNode> created = http.postForEntity("/api/listings", Map.of("department", "court",
                "listType", "COURT_DEFAULTER", "subjectType", "PERSON", "name", name, "idNumber", idNumber,
                "reason", reason, "basis", "（2026）鄂02执9号", "recognitionDate", "2026-11-20"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("id").asText();
        JsonNode confirmed = http.postForObject("/api/listings/" + id + "/notice", Map.of("noticeDate", "2026-11-21"),
                JsonNode.class);
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        String subjectKey = jdbc.sql("SELECT subject_key FROM listing WHERE id = :id::uuid").param("id", id)
                .query(String.class).single();
        List<String> needles = List.of(name, idNumber, masked(idNumber), subjectKey);
        assertThat(PersonalDataScan.scan(dataSource, List.of("identification"), needles))
                .as("the scan finds the person while listed").isNotEmpty();

        ResponseEntity<JsonNode> exited = http.postForEntity("/api/listings/" + id + "/exit",
                Map.of("reason", "ERRONEOUS"), JsonNode.class);
        assertThat(exited.getStatusCode()).isEqualTo(HttpStatus.OK);

        // the exit still goes out (every service erases on it), then the outbox forgets it
        assertThat(events.awaitRecord(Topics.LISTING_EVENTS,
                r -> r.value().contains(id) && r.value().contains("\"ERRONEOUS\""))).isNotNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(PersonalDataScan.scan(dataSource, List.of("identification"), needles)).isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE listing_id = :id::uuid").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM listing_event WHERE listing_id = :id::uuid").param("id", id)
                .query(Long.class).single()).as("the history stays, as tombstones").isGreaterThanOrEqualTo(3);
        JsonNode tombstone = http.getForObject("/api/listings/" + id, JsonNode.class);
        assertThat(tombstone.get("status").asText()).isEqualTo("EXITED");
        assertThat(tombstone.get("exitReason").asText()).isEqualTo("ERRONEOUS");
        assertThat(tombstone.toString()).doesNotContain(name).doesNotContain(masked(idNumber));
    }

    private static String masked(String idNumber) {
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }
}
