package io.creditloop.identification.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.testsupport.Identifiers;
import io.creditloop.testsupport.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R16: reading a person's listing (unmasked name) writes {@code audit.personal-data-read.v1} to the outbox in the
 * same request, with who, what and the stated purpose, and never the ID number; an organisation's listing, an
 * unknown one or a refused read writes none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.identification.lifecycle-enabled=false")
class PersonalDataReadsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("R16: a department's read of a person's listing is recorded with who, what, purpose and request id")
    void personReadRecorded() throws Exception {
        String id = Identifiers.residentId();
        UUID listing = create(Map.of("department", "court", "listType", "COURT_DEFAULTER", "subjectType", "PERSON",
                "name", "周九", "idNumber", id, "reason", "有履行能力而拒不履行", "basis", "（2025）鄂02执9号",
                "recognitionDate", "2025-03-01"));
        HttpHeaders headers = TestTokens.headers(TestTokens.department("court"));
        // headers carry ASCII only: the purpose is percent-encoded UTF-8
        headers.set("X-Purpose", java.net.URLEncoder.encode("核查异议材料", java.nio.charset.StandardCharsets.UTF_8));
        headers.set("X-Request-Id", "req-" + listing);

        ResponseEntity<String> read = http.exchange("/api/listings/" + listing, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).contains("周九");
        List<String> records = records(listing);
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).doesNotContain(id);
        JsonNode event = JSON.readTree(records.get(0));
        JsonNode data = event.path("data");
        assertThat(event.path("type").asText()).isEqualTo(EventTypes.PERSONAL_DATA_READ);
        assertThat(data.path("callerKind").asText()).isEqualTo("DEPARTMENT");
        assertThat(data.path("callerCode").asText()).isEqualTo("court");
        assertThat(data.path("service").asText()).isEqualTo("identification-service");
        assertThat(data.path("what").asText()).isEqualTo("listing");
        assertThat(data.path("listingId").asText()).isEqualTo(listing.toString());
        assertThat(data.path("subjectKey").asText()).startsWith("ID:RESIDENT_ID:");
        assertThat(data.path("maskedIdNumber").asText()).isEqualTo(id.substring(0, 6) + "********"
                + id.substring(14));
        assertThat(data.path("purpose").asText()).isEqualTo("核查异议材料");
        assertThat(data.path("requestId").asText()).isEqualTo("req-" + listing);
        assertThat(jdbc.sql("SELECT topic FROM outbox WHERE event_type = :type AND listing_id = :id")
                .param("type", EventTypes.PERSONAL_DATA_READ).param("id", listing).query(String.class).single())
                .isEqualTo(Topics.PERSONAL_DATA_READS);
    }

    @Test
    @DisplayName("R16: an organisation's listing, an unknown listing and a read without a token record nothing")
    void noPersonNoRecord() throws Exception {
        UUID organisation = create(Map.of("department", "tax", "listType", "TAX_MAJOR_VIOLATION",
                "subjectType", "ORGANISATION", "name", "审计" + UUID.randomUUID() + "有限公司",
                "uscc", "91420200MA4KLB7Q32", "legalRepresentative", "张三", "reason", "虚开增值税专用发票",
                "basis", "《中华人民共和国税收征收管理法》", "recognitionDate", "2025-4-20", "validity", "2年"));
        UUID person = create(Map.of("department", "court", "listType", "COURT_DEFAULTER", "subjectType", "PERSON",
                "name", "吴十", "idNumber", Identifiers.residentId(), "reason", "有履行能力而拒不履行",
                "basis", "（2025）鄂02执10号", "recognitionDate", "2025-03-01"));
        UUID unknown = UUID.randomUUID();

        assertThat(get(organisation, TestTokens.department("tax")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(unknown, TestTokens.department("court")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders forged = new HttpHeaders();
        forged.setBearerAuth("forged");
        assertThat(http.exchange("/api/listings/" + person, HttpMethod.GET, new HttpEntity<>(forged), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(records(organisation)).isEmpty();
        assertThat(records(unknown)).isEmpty();
        assertThat(records(person)).isEmpty();
    }

    private ResponseEntity<String> get(UUID listing, String token) {
        return http.exchange("/api/listings/" + listing, HttpMethod.GET,
                new HttpEntity<>(TestTokens.headers(token)), String.class);
    }

    private UUID create(Map<String, Object> body) throws Exception {
        ResponseEntity<String> created = http.postForEntity("/api/listings", body, String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(JSON.readTree(created.getBody()).path("id").asText());
    }

    private List<String> records(UUID listing) {
        return jdbc.sql("SELECT payload FROM outbox WHERE event_type = :type AND listing_id = :id")
                .param("type", EventTypes.PERSONAL_DATA_READ).param("id", listing).query(String.class).list();
    }
}
