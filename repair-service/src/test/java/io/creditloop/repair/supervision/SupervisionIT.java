package io.creditloop.repair.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.messaging.EventCodec;
import io.creditloop.repair.listing.ListingRefs;
import io.creditloop.testsupport.ListingEventsFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import java.time.Duration;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** R15: red-list supervision through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionIT {

    private static final ListType RED = new ListType("TAX_A_GRADE", 1, "纳税信用A级纳税人名单", ListKind.RED, "tax");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ListingRefs refs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventCodec codec;
    @Autowired
    ListingEventsFixture events;

    @Test
    @DisplayName("R15: misconduct of a red subject verified: REVOKED_EXIT decision, reporter and subject told")
    void verifiedExit() {
        UUID listingId = confirmed(RED);
        String id = ok(report(listingId)).get("id").asText();

        JsonNode verified = ok(post("/api/repair/supervision-reports/" + id + "/verification",
                "{\"exit\": true, \"finding\": \"查实存在偷税行为\", \"by\": \"税务局王科长\"}"));

        assertThat(verified.get("status").asText()).isEqualTo("EXITED");
        assertThat(verified.get("notices")).hasSize(2);
        assertThat(verified.get("notices").toString()).contains("REPORTER", "SUBJECT", "查实存在偷税行为");
        ConsumerRecord<String, String> record = events.awaitRecord(Topics.REPAIR_EVENTS,
                r -> r.value().contains(EventTypes.DECISION_MADE) && r.value().contains(id));
        DecisionMade decision = (DecisionMade) codec.decode(record.value()).data();
        assertThat(decision.kind()).isEqualTo(DecisionKind.REVOKED_EXIT);
        assertThat(decision.caseKind()).isEqualTo("SUPERVISION");
        assertThat(record.key()).isEqualTo(listingId.toString());
        assertThat(post("/api/repair/supervision-reports/" + id + "/verification",
                "{\"exit\": true, \"finding\": \"再次\", \"by\": \"王\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    @DisplayName("R15: a report not borne out keeps the listing, both parties told; a black listing cannot be reported")
    void keptAndNotRed() {
        UUID listingId = confirmed(RED);
        String id = ok(report(listingId)).get("id").asText();

        JsonNode kept = ok(post("/api/repair/supervision-reports/" + id + "/verification",
                "{\"exit\": false, \"finding\": \"举报不实\", \"by\": \"王\"}"));

        assertThat(kept.get("status").asText()).isEqualTo("KEPT");
        assertThat(kept.get("notices")).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM decision WHERE case_id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single()).isZero();
        assertThat(report(confirmed(ListingEventsFixture.BLACK_TAX)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private UUID confirmed(ListType type) {
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, type, organisation(), "测试"));
        await().atMost(Duration.ofSeconds(30)).until(() -> refs.find(listingId).isPresent());
        return listingId;
    }

    private ResponseEntity<String> report(UUID listingId) {
        return post("/api/repair/supervision-reports", """
                {"listingId": "%s", "reporterName": "市民赵某", "contact": "13800000000",
                 "misconduct": "该企业存在偷税行为",
                 "evidence": [{"description": "发票照片", "reference": "照片-001"}]}""".formatted(listingId));
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
