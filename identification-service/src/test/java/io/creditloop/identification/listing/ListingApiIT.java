package io.creditloop.identification.listing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.testsupport.TestServers;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Listing intake and exit against real PostgreSQL and Kafka: state, history and event commit together. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.identification.lifecycle-enabled=false")
class ListingApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USCC = "91420200MA4KLB7Q32";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    TopicProbe listingEvents;

    @BeforeEach
    void probe() {
        listingEvents = TopicProbe.of(TestServers.get().kafkaBootstrapServers(), Topics.LISTING_EVENTS);
    }

    @AfterEach
    void close() {
        listingEvents.close();
    }

    @Test
    @DisplayName("R3/R4: a valid black listing is stored, confirmed and published as listing.confirmed.v1 keyed by subject")
    void submitConfirmsAndPublishes() throws Exception {
        String name = "黄石" + UUID.randomUUID() + "贸易有限公司";
        ResponseEntity<JsonNode> created = post(body(name, USCC, null));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).isNotNull();
        JsonNode listing = created.getBody();
        assertThat(listing.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(listing.get("version").asLong()).isEqualTo(2);
        assertThat(listing.get("validUntil").asText()).isEqualTo("2027-04-19");
        String id = listing.get("id").asText();

        ConsumerRecord<String, String> event = listingEvents.awaitOne(r -> r.value().contains(id), Duration.ofSeconds(20));
        JsonNode envelope = JSON.readTree(event.value());
        assertThat(event.key()).isEqualTo("USCC:" + USCC);
        assertThat(envelope.get("type").asText()).isEqualTo(EventTypes.LISTING_CONFIRMED);
        assertThat(envelope.at("/data/version").asLong()).isEqualTo(2);
        assertThat(envelope.at("/data/subject/uscc").asText()).isEqualTo(USCC);
        assertThat(jdbc.sql("SELECT count(*) FROM listing_event WHERE listing_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    @DisplayName("R3: a retried submission with the same submission id creates nothing twice")
    void idempotentBySubmissionId() {
        String submissionId = "tax-" + UUID.randomUUID();
        String name = "重复提交" + UUID.randomUUID() + "有限公司";
        ResponseEntity<JsonNode> first = post(body(name, USCC, submissionId));
        ResponseEntity<JsonNode> second = post(body(name, USCC, submissionId));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(countByName(name)).isEqualTo(1);
        String id = first.getBody().get("id").asText();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE payload LIKE :id").param("id", "%" + id + "%")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("R3: a wrong USCC check character is refused field by field and writes nothing")
    void badUsccWritesNothing() {
        String name = "坏代码" + UUID.randomUUID() + "有限公司";
        ResponseEntity<JsonNode> refused = post(body(name, "91420200MA4KLB7Q33", null));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("uscc");
        assertThat(refused.getBody().get("errors").get(0).get("message").asText()).contains("expected 2");
        assertThat(countByName(name)).isZero();
    }

    @Test
    @DisplayName("R2: an unknown list type and missing fields are each named; nothing is written")
    void unknownListTypeAndMissingFields() {
        String name = "未知类型" + UUID.randomUUID();
        Map<String, Object> body = new java.util.HashMap<>(body(name, USCC, null));
        body.put("listType", "NO_SUCH_LIST");
        body.remove("reason");

        ResponseEntity<JsonNode> refused = post(body);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("listType", "reason");
        assertThat(countByName(name)).isZero();
    }

    @Test
    @DisplayName("R3: a batch accepts good listings, refuses bad ones field by field, and a retry creates nothing twice")
    void batch() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> good = body("批量甲" + tag, USCC, "batch-" + tag + "-1");
        Map<String, Object> bad = body("批量乙" + tag, "91420200MA4KLB7Q33", "batch-" + tag + "-2");
        Map<String, Object> pilot = new java.util.HashMap<>(body("批量丙" + tag, "91420200MA4KLB7Q33", "batch-" + tag + "-3"));
        pilot.put("usccVerified", true);
        Map<String, Object> batch = Map.of("listings", java.util.List.of(good, bad, pilot));

        JsonNode first = http.postForObject("/api/listings/batch", batch, JsonNode.class);
        JsonNode retry = http.postForObject("/api/listings/batch", batch, JsonNode.class);

        assertThat(first.get("created").asInt()).isEqualTo(2);
        assertThat(first.get("rejected").asInt()).isEqualTo(1);
        assertThat(first.at("/results/1/outcome").asText()).isEqualTo("REJECTED");
        assertThat(first.at("/results/1/errors/0/field").asText()).isEqualTo("uscc");
        assertThat(retry.get("created").asInt()).isZero();
        assertThat(retry.get("duplicates").asInt()).isEqualTo(2);
        assertThat(retry.at("/results/0/id")).isEqualTo(first.at("/results/0/id"));
        JsonNode pilotListing = http.getForObject("/api/listings/" + first.at("/results/2/id").asText(), JsonNode.class);
        assertThat(pilotListing.get("warnings").get(0).asText()).startsWith("PILOT_USCC");
        assertThat(countByName("批量甲" + tag) + countByName("批量乙" + tag) + countByName("批量丙" + tag)).isEqualTo(2);

        ResponseEntity<JsonNode> empty = http.postForEntity("/api/listings/batch", Map.of("listings", java.util.List.of()),
                JsonNode.class);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @DisplayName("malformed JSON gets a 400 problem, not a stack trace")
    void malformedJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> refused = http.exchange("/api/listings", HttpMethod.POST,
                new HttpEntity<>("{\"department\": \"tax\", ", headers), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("type").asText()).endsWith("malformed-json");
        assertThat(refused.getBody().toString()).doesNotContain("Exception");
    }

    @Test
    @DisplayName("R13: an exit raises the version and publishes listing.exited.v1; a second exit is a conflict")
    void exit() throws Exception {
        String id = post(body("退出" + UUID.randomUUID() + "有限公司", USCC, null)).getBody().get("id").asText();

        ResponseEntity<JsonNode> exited = http.exchange("/api/listings/" + id + "?reason=REPAIRED", HttpMethod.DELETE,
                null, JsonNode.class);

        assertThat(exited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exited.getBody().get("status").asText()).isEqualTo("EXITED");
        assertThat(exited.getBody().get("version").asLong()).isEqualTo(3);
        ConsumerRecord<String, String> event = listingEvents.awaitOne(
                r -> r.value().contains(id) && r.value().contains(EventTypes.LISTING_EXITED), Duration.ofSeconds(20));
        assertThat(JSON.readTree(event.value()).at("/data/exitReason").asText()).isEqualTo("REPAIRED");

        ResponseEntity<JsonNode> again = http.exchange("/api/listings/" + id, HttpMethod.DELETE, null, JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> unknown = http.exchange("/api/listings/" + UUID.randomUUID(), HttpMethod.DELETE, null,
                JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("a person's ID number never appears unmasked in the API answer")
    void personMaskedInAnswer() {
        Map<String, Object> body = Map.of("department", "court", "listType", "COURT_DEFAULTER", "subjectType", "PERSON",
                "name", "李四", "idNumber", "420102199003071232", "reason", "有履行能力而拒不履行",
                "basis", "（2025）鄂02执123号", "recognitionDate", "2025-03-01");

        ResponseEntity<String> created = http.postForEntity("/api/listings", body, String.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).doesNotContain("420102199003071232").contains("420102********1232");
    }

    private ResponseEntity<JsonNode> post(Map<String, ?> body) {
        return http.postForEntity("/api/listings", body, JsonNode.class);
    }

    private long countByName(String name) {
        return jdbc.sql("SELECT count(*) FROM listing WHERE subject_name = :name").param("name", name)
                .query(Long.class).single();
    }

    static Map<String, Object> body(String name, String uscc, String submissionId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("department", "tax", "listType", "TAX_MAJOR_VIOLATION",
                "subjectType", "ORGANISATION", "name", name, "uscc", uscc, "legalRepresentative", "张三",
                "reason", "虚开增值税专用发票", "basis", "《中华人民共和国税收征收管理法》",
                "recognitionDate", "2025-4-20", "validity", "2年"));
        if (submissionId != null) {
            body.put("submissionId", submissionId);
        }
        return body;
    }
}
