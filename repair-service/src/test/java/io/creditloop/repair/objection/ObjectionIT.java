package io.creditloop.repair.objection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.repair.v1.ObjectionFiled;
import io.creditloop.messaging.EventCodec;
import io.creditloop.testsupport.ListingEventsFixture;
import io.creditloop.repair.listing.ListingRef;
import io.creditloop.repair.listing.ListingRefs;
import io.creditloop.repair.listing.ListingStatus;
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

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ObjectionIT {

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
    @DisplayName("R10: an objection is filed with the recognising department and announced on repair.case.events")
    void filed() {
        UUID listingId = confirmedListing();

        ResponseEntity<String> response = post("""
                {"listingId": "%s", "objectorName": "黄石某某贸易有限公司", "contact": "0714-1234567",
                 "reason": "已于认定前补缴税款"}""".formatted(listingId));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = body(response);
        UUID objectionId = UUID.fromString(body.get("id").asText());
        URI location = response.getHeaders().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.getPath()).isEqualTo("/api/repair/objections/" + objectionId);
        assertThat(body.get("status").asText()).isEqualTo("FILED");
        assertThat(body.get("recognisingDepartment").asText()).isEqualTo("tax");

        JsonNode fetched = body(http.getForEntity(location, String.class));
        assertThat(fetched.get("listingId").asText()).isEqualTo(listingId.toString());
        assertThat(fetched.get("contact").asText()).isEqualTo("0714-1234567");
        assertThat(fetched.get("filedAt")).isEqualTo(body.get("filedAt"));

        ConsumerRecord<String, String> record = events.awaitRecord(Topics.REPAIR_EVENTS,
                r -> r.value().contains(objectionId.toString()));
        assertThat(record.key()).isEqualTo(listingId.toString());
        Envelope<Object> event = codec.decode(record.value());
        assertThat(event.type()).isEqualTo(EventTypes.OBJECTION_FILED);
        assertThat(event.source()).isEqualTo("/repair-service");
        assertThat(event.subject()).isEqualTo(listingId.toString());
        ObjectionFiled filed = (ObjectionFiled) event.data();
        assertThat(filed.objectionId()).isEqualTo(objectionId);
        assertThat(filed.listingId()).isEqualTo(listingId);
        assertThat(filed.recognisingDepartment()).isEqualTo("tax");
        assertThat(filed.objectorName()).isEqualTo("黄石某某贸易有限公司");
        assertThat(filed.reason()).isEqualTo("已于认定前补缴税款");
        assertThat(filed.filedAt()).isEqualTo(fetched.get("filedAt").asText());
        assertThat(record.value()).doesNotContain("0714-1234567");
    }

    @Test
    @DisplayName("R10: an objection against an unknown listing is 404")
    void unknownListing() {
        ResponseEntity<String> response = post("""
                {"listingId": "%s", "objectorName": "某公司", "reason": "不是我们"}""".formatted(UUID.randomUUID()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(response).get("title").asText()).isEqualTo("Unknown listing");
    }

    @Test
    @DisplayName("R10, R13: an objection against an exited listing is 409")
    void exitedListing() {
        Subject company = organisation();
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, company, "虚开增值税专用发票"));
        events.send(events.exited(listingId, 3, company, ExitReason.EXPIRED));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> refs.find(listingId).map(ListingRef::status).orElse(null) == ListingStatus.EXITED);

        ResponseEntity<String> response = post("""
                {"listingId": "%s", "objectorName": "%s", "reason": "已退出"}""".formatted(listingId, company.name()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(response).get("title").asText()).isEqualTo("Listing has exited");
        assertThat(count("objection WHERE listing_id = '" + listingId + "'")).isZero();
    }

    @Test
    @DisplayName("R10: missing, blank or malformed fields are 400 with field errors, and nothing is written")
    void badRequests() {
        UUID listingId = confirmedListing();
        long objections = count("objection");
        long outbox = count("outbox");

        ResponseEntity<String> missing = post("""
                {"listingId": "%s", "reason": "  "}""".formatted(listingId));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(missing)).containsExactlyInAnyOrder("objectorName", "reason");

        ResponseEntity<String> noListing = post("""
                {"objectorName": "某公司", "reason": "理由"}""");
        assertThat(noListing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(noListing)).containsExactly("listingId");

        ResponseEntity<String> badId = post("""
                {"listingId": "420102199001011234", "objectorName": "某公司", "reason": "理由"}""");
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(badId)).containsExactly("listingId");
        assertThat(badId.getBody()).doesNotContain("420102199001011234");

        ResponseEntity<String> notJson = post("{\"listingId\": ");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(notJson).get("detail").asText()).isEqualTo("The request body is not valid JSON.");
        assertThat(notJson.getBody()).doesNotContain("Exception");

        assertThat(count("objection")).isEqualTo(objections);
        assertThat(count("outbox")).isEqualTo(outbox);
    }

    @Test
    @DisplayName("an unknown objection is 404")
    void unknownObjection() {
        ResponseEntity<String> response = http.getForEntity("/api/repair/objections/{id}", String.class,
                UUID.randomUUID());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private UUID confirmedListing() {
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, organisation(), "虚开增值税专用发票"));
        await().atMost(Duration.ofSeconds(30)).until(() -> refs.find(listingId).isPresent());
        return listingId;
    }

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/repair/objections", new HttpEntity<>(body, headers), String.class);
    }

    private List<String> fields(ResponseEntity<String> response) {
        List<String> fields = new ArrayList<>();
        body(response).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private long count(String from) {
        return jdbc.sql("SELECT count(*) FROM " + from).query(Long.class).single();
    }

    private JsonNode body(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
