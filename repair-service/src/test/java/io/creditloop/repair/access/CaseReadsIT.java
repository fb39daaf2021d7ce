package io.creditloop.repair.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.testsupport.ListingEventsFixture;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R16 in repair: reading an objection about a person's listing (the objector's name and contact, unmasked) writes
 * {@code audit.personal-data-read.v1} to the outbox under the person's subject key; an organisation's case and a
 * read refused for want of a token write none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseReadsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ListingEventsFixture events;

    @Test
    @DisplayName("R16: the credit office's read of a person's objection is recorded with who and what")
    void personCaseRecorded() throws Exception {
        Subject person = ListingEventsFixture.person("冯十二");
        UUID listingId = listed(person);
        String objection = file(listingId, "冯十二");

        HttpHeaders headers = TestTokens.headers(TestTokens.forCaller(
                io.creditloop.security.Caller.creditOffice("chen.kezhang")));
        ResponseEntity<String> read = http.exchange("/api/repair/objections/" + objection, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).contains("冯十二");
        assertThat(records(listingId)).singleElement().satisfies(r -> {
            assertThat(r.path("callerKind").asText()).isEqualTo("CREDIT_OFFICE");
            assertThat(r.path("callerSubject").asText()).isEqualTo("chen.kezhang");
            assertThat(r.path("service").asText()).isEqualTo("repair-service");
            assertThat(r.path("what").asText()).isEqualTo("objection");
            assertThat(r.path("resourceId").asText()).isEqualTo(objection);
            assertThat(r.path("subjectKey").asText()).isEqualTo(person.key());
        });

        HttpHeaders none = new HttpHeaders();
        none.setBearerAuth("forged");
        assertThat(http.exchange("/api/repair/objections/" + objection, HttpMethod.GET, new HttpEntity<>(none),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(records(listingId)).hasSize(1);
    }

    @Test
    @DisplayName("R16: an objection about an organisation's listing records nothing")
    void organisationCaseNotRecorded() throws Exception {
        UUID listingId = listed(organisation());
        String objection = file(listingId, "黄石某某贸易有限公司");

        assertThat(http.exchange("/api/repair/objections/" + objection, HttpMethod.GET,
                new HttpEntity<>(TestTokens.headers(TestTokens.creditOffice())), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(records(listingId)).isEmpty();
    }

    private UUID listed(Subject subject) {
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, subject, "拖欠农民工工资"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM listing_ref WHERE listing_id = :id AND subject_key IS NOT NULL")
                .param("id", listingId).query(Long.class).single() == 1);
        return listingId;
    }

    private String file(UUID listingId, String objector) throws Exception {
        HttpHeaders headers = TestTokens.headers(TestTokens.internal());
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> filed = http.postForEntity("/api/repair/objections", new HttpEntity<>("""
                {"listingId": "%s", "objectorName": "%s", "contact": "13800000000", "reason": "已履行完毕"}"""
                .formatted(listingId, objector), headers), String.class);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(filed.getBody()).get("id").asText();
    }

    private List<JsonNode> records(UUID listingId) {
        return jdbc.sql("SELECT payload FROM outbox WHERE event_type = :type AND listing_id = :id ORDER BY id")
                .param("type", EventTypes.PERSONAL_DATA_READ).param("id", listingId).query(String.class).list()
                .stream().map(p -> {
                    try {
                        return json.readTree(p).path("data");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
