package io.creditloop.identification.listing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.RequestIds;
import io.creditloop.contracts.Topics;
import io.creditloop.testsupport.Identifiers;
import io.creditloop.testsupport.TestServers;
import io.creditloop.testsupport.TestTokens;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department's call traced through the suite: the {@code X-Request-Id} it sent (as the gateway passes it on) is
 * echoed, stored with the listing event its call made and sent with it as the Kafka header, and written into the R16
 * audit record of a read; a malformed id is replaced, never stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.identification.lifecycle-enabled=false")
class RequestIdIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    TopicProbe topics;

    @BeforeEach
    void probe() {
        topics = TopicProbe.of(TestServers.get().kafkaBootstrapServers(), Topics.LISTING_EVENTS,
                Topics.PERSONAL_DATA_READS);
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    @DisplayName("R16: the request id of a department's listing reaches its event (outbox and Kafka header), and that of a read of a person's listing the audit record (payload and Kafka header)")
    void fromHttpToEventAndAuditRecord() throws Exception {
        String pushId = "dept-tax-" + UUID.randomUUID();
        ResponseEntity<String> created = http.exchange("/api/listings", HttpMethod.POST,
                new HttpEntity<>(organisation(), headers(pushId)), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getFirst(RequestIds.HEADER)).isEqualTo(pushId);
        UUID listing = UUID.fromString(JSON.readTree(created.getBody()).path("id").asText());

        assertThat(storedRequestId(listing, EventTypes.LISTING_CONFIRMED)).isEqualTo(pushId);
        ConsumerRecord<String, String> event = topics.awaitOne(r -> Topics.LISTING_EVENTS.equals(r.topic())
                && r.value().contains(listing.toString()), Duration.ofSeconds(30));
        assertThat(header(event, RequestIds.HEADER)).isEqualTo(pushId);
        assertThat(header(event, "ce_type")).isEqualTo(EventTypes.LISTING_CONFIRMED);

        // a person's listing (recorded, awaiting the notice to the person): reading it is an R16 audited read
        ResponseEntity<String> personCreated = http.exchange("/api/listings", HttpMethod.POST,
                new HttpEntity<>(person(), headers("dept-tax-push-" + UUID.randomUUID())), String.class);
        assertThat(personCreated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID person = UUID.fromString(JSON.readTree(personCreated.getBody()).path("id").asText());
        String readId = "dept-tax-read-" + UUID.randomUUID();
        assertThat(http.exchange("/api/listings/" + person, HttpMethod.GET, new HttpEntity<>(headers(readId)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ConsumerRecord<String, String> audit = topics.awaitOne(r -> Topics.PERSONAL_DATA_READS.equals(r.topic())
                && r.value().contains(person.toString()), Duration.ofSeconds(30));
        assertThat(JSON.readTree(audit.value()).path("data").path("requestId").asText()).isEqualTo(readId);
        assertThat(header(audit, RequestIds.HEADER)).isEqualTo(readId);
        assertThat(storedRequestId(person, EventTypes.PERSONAL_DATA_READ)).isEqualTo(readId);
    }

    @Test
    @DisplayName("a malformed request id (spaces, an injection string) is replaced: the echoed fresh id is what the event carries")
    void malformedIdReplaced() throws Exception {
        // (an HTTP client refuses CR LF in a header; the filter's check of those is RequestIdsTest's)
        ResponseEntity<String> created = http.exchange("/api/listings", HttpMethod.POST,
                new HttpEntity<>(organisation(), headers("req-1 X-Forged: yes; DROP TABLE outbox")), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String echoed = created.getHeaders().getFirst(RequestIds.HEADER);
        UUID listing = UUID.fromString(JSON.readTree(created.getBody()).path("id").asText());

        assertThat(echoed).doesNotContain("DROP").hasSize(36);
        assertThat(storedRequestId(listing, EventTypes.LISTING_CONFIRMED)).isEqualTo(echoed);
        ConsumerRecord<String, String> event = topics.awaitOne(r -> Topics.LISTING_EVENTS.equals(r.topic())
                && r.value().contains(listing.toString()), Duration.ofSeconds(30));
        assertThat(header(event, RequestIds.HEADER)).isEqualTo(echoed);
    }

    private static HttpHeaders headers(String requestId) {
        HttpHeaders headers = TestTokens.headers(TestTokens.department("tax"));
        headers.set(RequestIds.HEADER, requestId);
        return headers;
    }

    private static Map<String, Object> organisation() {
        return Map.of("department", "tax", "listType", "TAX_MAJOR_VIOLATION", "subjectType", "ORGANISATION",
                "name", "溯源" + UUID.randomUUID() + "有限公司", "uscc", Identifiers.uscc(), "legalRepresentative", "张三",
                "reason", "虚开增值税专用发票", "basis", "《中华人民共和国税收征收管理法》", "recognitionDate", "2025-4-20",
                "validity", "2年");
    }

    private static Map<String, Object> person() {
        return Map.of("department", "tax", "listType", "TAX_MAJOR_VIOLATION", "subjectType", "PERSON",
                "name", "郑十一", "idNumber", Identifiers.residentId(), "reason", "逃避追缴欠税",
                "basis", "《中华人民共和国税收征收管理法》", "recognitionDate", "2025-4-20", "validity", "2年");
    }

    private String storedRequestId(UUID listing, String type) {
        return jdbc.sql("SELECT request_id FROM outbox WHERE listing_id = :id AND event_type = :type")
                .param("id", listing).param("type", type).query(String.class).single();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
