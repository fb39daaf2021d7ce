package io.creditloop.repair.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.repair.listing.ListingRefs;
import io.creditloop.testsupport.ListingEventsFixture;
import io.creditloop.testsupport.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R16 in repair: the recognising department takes the verification steps, only the credit office reviews at its
 * step; refusals (401/403) change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepairAccessIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ListingRefs refs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ListingEventsFixture events;

    @Test
    @DisplayName("R16: another department may not accept an objection, a department may not review it, the public gets 401; the objection is unchanged")
    void stepsBelongToTheirOwners() throws Exception {
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, organisation(), "虚开增值税专用发票"));
        await().atMost(Duration.ofSeconds(30)).until(() -> refs.find(listingId).isPresent());
        ResponseEntity<String> filed = post("/api/repair/objections", """
                {"listingId": "%s", "objectorName": "黄石某某贸易有限公司", "reason": "已于认定前补缴税款"}"""
                .formatted(listingId), TestTokens.internal());
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode objection = json.readTree(filed.getBody());
        String id = objection.get("id").asText();
        String department = objection.get("recognisingDepartment").asText();

        assertThat(post("/api/repair/objections/" + id + "/acceptance", "{\"by\": \"王\"}",
                TestTokens.department(department + "-other")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/repair/objections/" + id + "/review", "{\"approved\": true, \"by\": \"王\"}",
                TestTokens.department(department)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/repair/objections/" + id + "/review", "{\"approved\": true, \"by\": \"王\"}",
                TestTokens.agency("court")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(http.getRootUri() + "/api/repair/objections/" + id + "/acceptance"))
                .header("Content-Type", "application/json").header("X-Department", department)
                .POST(HttpRequest.BodyPublishers.ofString("{\"by\": \"王\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(status(id)).isEqualTo("FILED");

        assertThat(post("/api/repair/objections/" + id + "/acceptance", "{\"by\": \"王\"}",
                TestTokens.department(department)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(id)).isNotEqualTo("FILED");
    }

    @Test
    @DisplayName("R16: only the credit office reviews a repair")
    void repairReviewIsTheCreditOffices() {
        ResponseEntity<String> review = post("/api/repair/repairs/" + UUID.randomUUID() + "/review",
                "{\"approved\": true, \"by\": \"王\"}", TestTokens.department("tax"));
        assertThat(review.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> opinion = post("/api/repair/repairs/" + UUID.randomUUID() + "/opinion",
                "{\"agrees\": true, \"opinion\": \"同意\", \"by\": \"王\"}", TestTokens.agency("court"));
        assertThat(opinion.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM objection WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
    }

    private ResponseEntity<String> post(String path, String body, String token) {
        HttpHeaders headers = TestTokens.headers(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
