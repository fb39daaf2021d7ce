package io.creditloop.repair.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.repair.listing.ListingRefs;
import io.creditloop.testsupport.ListingEventsFixture;
import io.creditloop.testsupport.PersonalDataScan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R11 (001 §19): once the listing an objection proved wrong has exited as erroneous, repair keeps the case as the
 * record of the correction, masked: nothing in its schema names or identifies the person, the evidence files are
 * gone from disk and the outbox holds none of the case's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.repair.deadline-watch-enabled=false")
class ErroneousListingErasureIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ListingRefs refs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ListingEventsFixture events;
    @Value("${creditloop.repair.evidence-dir}")
    String evidenceDir;

    @Test
    @DisplayName("R11: an upheld objection's listing exits erroneous; the case stays, masked, evidence files deleted")
    void upheldObjectionLeavesAMaskedCase() throws Exception {
        Subject person = ListingEventsFixture.person("错删" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String id = person.idNumber();
        List<String> needles = List.of(person.name(), id, id.substring(0, 6) + "********" + id.substring(14),
                person.key());
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, person, "偷税"));
        await().atMost(Duration.ofSeconds(30)).until(() -> refs.find(listingId).isPresent());

        String objection = body(postJson("/api/repair/objections", """
                {"listingId": "%s", "objectorKind": "SUBJECT", "objectorName": "%s", "contact": "身份证 %s",
                 "reason": "本人%s（身份证 %s）未曾偷税", "evidence": [{"description": "%s的完税证明",
                 "reference": "鄂税证〔2026〕%s号"}]}""".formatted(listingId, person.name(), id, person.name(), id,
                person.name(), id))).get("id").asText();
        ResponseEntity<String> upload = upload(objection, ("完税证明 " + person.name() + " " + id)
                .getBytes(StandardCharsets.UTF_8), person.name() + ".pdf");
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String stored = jdbc.sql("SELECT storage_name FROM objection_evidence WHERE objection_id = :id AND kind = 'FILE'")
                .param("id", UUID.fromString(objection)).query(String.class).single();
        assertThat(Path.of(evidenceDir, stored)).exists();
        body(postJson("/api/repair/objections/" + objection + "/acceptance", "{\"by\": \"王科长\"}"));
        body(postJson("/api/repair/objections/" + objection + "/opinion", """
                {"outcome": "ERRONEOUS", "opinion": "经核查%s未偷税，认定有误", "by": "王科长"}"""
                .formatted(person.name())));
        JsonNode decided = body(postJson("/api/repair/objections/" + objection + "/review",
                "{\"approved\": true, \"by\": \"信用办李主任\"}"));
        assertThat(decided.get("apology").get("text").asText()).contains(person.name());
        assertThat(PersonalDataScan.scan(dataSource, List.of("repair"), needles))
                .as("the scan finds the person before the exit").isNotEmpty();

        // identification exits the listing as erroneous on the decision; here that exit arrives
        events.send(events.exited(listingId, 3, person, ExitReason.ERRONEOUS));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(PersonalDataScan.scan(dataSource, List.of("repair"), needles)).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE listing_id = :id").param("id", listingId)
                    .query(Long.class).single()).isZero();
            assertThat(Path.of(evidenceDir, stored)).doesNotExist();
        });
        JsonNode kept = body(http.getForEntity("/api/repair/objections/" + objection, String.class));
        assertThat(kept.get("status").asText()).isEqualTo("DECIDED");
        assertThat(kept.get("objectorName").asText()).isEqualTo("错" + "*".repeat(person.name().length() - 1));
        assertThat(kept.get("apology").get("text").asText()).contains("致歉").doesNotContain(person.name());
        assertThat(Files.list(Path.of(evidenceDir)).map(Path::toString).toList()).noneMatch(f -> f.endsWith(stored));
    }

    private ResponseEntity<String> upload(String objectionId, byte[] content, String fileName) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        parts.add("description", "完税证明扫描件");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/repair/objections/" + objectionId + "/evidence", new HttpEntity<>(parts, headers),
                String.class);
    }

    private ResponseEntity<String> postJson(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode body(ResponseEntity<String> response) {
        try {
            assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
