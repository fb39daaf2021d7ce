package io.creditloop.repair.objection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.contracts.repair.v1.ObjectionDeadlineAlarm;
import io.creditloop.messaging.EventCodec;
import io.creditloop.repair.listing.ListingRefs;
import io.creditloop.testsupport.ListingEventsFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** R10, R11: objections from acceptance to the credit office's decision, through the API, with a clock the test moves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.repair.deadline-watch-enabled=false")
class ObjectionVerificationIT {

    private static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z"); // 10:00 in Shanghai
    private static final ListType RED_TAX = new ListType("TAX_A_GRADE", 1, "纳税信用A级纳税人名单", ListKind.RED, "tax");

    @TestConfiguration
    static class MovableClock {
        static final AtomicReference<Instant> NOW = new AtomicReference<>(MONDAY);

        @Bean
        @Primary
        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneId.of("Asia/Shanghai");
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return Clock.fixed(NOW.get(), zone);
                }

                @Override
                public Instant instant() {
                    return NOW.get();
                }
            };
        }
    }

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
    ObjectionService service;
    @Autowired
    ListingEventsFixture events;
    @Value("${creditloop.repair.evidence-dir}")
    String evidenceDir;

    @BeforeEach
    void monday() {
        MovableClock.NOW.set(MONDAY);
    }

    @Test
    @DisplayName("R10, R11: upheld as erroneous: opinion, credit office review, decision event ERRONEOUS_EXIT, "
            + "apology, and red benefits to recover")
    void upheldAsErroneous() throws Exception {
        UUID listingId = confirmed(RED_TAX);
        JsonNode filed = body(postJson("/api/repair/objections", """
                {"listingId": "%s", "objectorKind": "SUBJECT", "objectorName": "黄石某某贸易有限公司",
                 "reason": "该企业当年存在欠税，不应评为A级",
                 "evidence": [{"description": "完税证明", "reference": "鄂税证〔2026〕001号"}]}""".formatted(listingId)));
        String id = filed.get("id").asText();
        assertThat(filed.get("evidence").get(0).get("reference").asText()).isEqualTo("鄂税证〔2026〕001号");

        byte[] scan = "扫描件内容".getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> upload = upload(id, scan);
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(upload.getBody()).doesNotContain("storageName");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));
        assertThat(body(upload).get("sha256").asText()).isEqualTo(sha);
        String stored = jdbc.sql("SELECT storage_name FROM objection_evidence WHERE objection_id = :id AND kind = 'FILE'")
                .param("id", UUID.fromString(id)).query(String.class).single();
        assertThat(Files.readAllBytes(Path.of(evidenceDir, stored))).isEqualTo(scan);

        JsonNode accepted = body(postJson("/api/repair/objections/" + id + "/acceptance", "{\"by\": \"王科长\"}"));
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("dueDate").asText()).isEqualTo("2026-12-02");

        JsonNode opinion = body(postJson("/api/repair/objections/" + id + "/opinion", """
                {"outcome": "ERRONEOUS", "opinion": "经核查认定有误，建议撤销", "by": "王科长"}"""));
        assertThat(opinion.get("status").asText()).isEqualTo("OPINION_GIVEN");
        assertThat(decisions(listingId)).as("R10: nothing happens to the listing before the review").isZero();

        JsonNode decided = body(postJson("/api/repair/objections/" + id + "/review", """
                {"approved": true, "by": "信用办李主任"}"""));

        assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.get("apology").get("text").asText()).contains("致歉");
        assertThat(decided.get("benefitRecovery").get("listTypeCode").asText()).isEqualTo("TAX_A_GRADE");
        ConsumerRecord<String, String> record = events.awaitRecord(Topics.REPAIR_EVENTS,
                r -> r.value().contains(EventTypes.DECISION_MADE) && r.value().contains(id));
        assertThat(record.key()).isEqualTo(listingId.toString());
        DecisionMade decision = (DecisionMade) codec.decode(record.value()).data();
        assertThat(decision.kind()).isEqualTo(DecisionKind.ERRONEOUS_EXIT);
        assertThat(decision.listingId()).isEqualTo(listingId);
        assertThat(decision.decisionId().toString()).isEqualTo(decided.get("decisionId").asText());
        assertThat(decision.note()).isEqualTo("经核查认定有误，建议撤销");

        assertThat(postJson("/api/repair/objections/" + id + "/review", """
                {"approved": true, "by": "信用办李主任"}""").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(decisions(listingId)).isEqualTo(1);
    }

    @Test
    @DisplayName("R10 (001 §21): a listing found right gets a written reply and no decision; administrative review "
            + "outcome recorded later; a step out of order is 409")
    void rejectedWithReply() {
        UUID listingId = confirmed(ListingEventsFixture.BLACK_TAX);
        String id = file(listingId);
        assertThat(postJson("/api/repair/objections/" + id + "/opinion", """
                {"outcome": "ERRONEOUS", "opinion": "x", "by": "王科长"}""").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        postJson("/api/repair/objections/" + id + "/acceptance", "{\"by\": \"王科长\"}");

        JsonNode replied = body(postJson("/api/repair/objections/" + id + "/reply", """
                {"reply": "经核查，认定事实清楚，依据充分，维持原认定。", "by": "王科长"}"""));
        assertThat(replied.get("status").asText()).isEqualTo("REJECTED");
        JsonNode reviewed = body(postJson("/api/repair/objections/" + id + "/administrative-review", """
                {"outcome": "行政复议维持原认定"}"""));

        assertThat(reviewed.get("administrativeReview").asText()).isEqualTo("行政复议维持原认定");
        assertThat(reviewed.get("reply").asText()).contains("维持原认定");
        assertThat(decisions(listingId)).isZero();
    }

    @Test
    @DisplayName("R10: an opinion for a correction, once reviewed, publishes a CORRECTION decision and no apology")
    void correction() {
        UUID listingId = confirmed(ListingEventsFixture.BLACK_TAX);
        String id = file(listingId);
        postJson("/api/repair/objections/" + id + "/acceptance", "{\"by\": \"王科长\"}");
        postJson("/api/repair/objections/" + id + "/opinion", """
                {"outcome": "CORRECTION", "opinion": "认定日期有误，应为2026-10-20", "by": "王科长"}""");
        JsonNode back = body(postJson("/api/repair/objections/" + id + "/review", """
                {"approved": false, "by": "信用办李主任", "note": "请补充材料"}"""));
        assertThat(back.get("status").asText()).isEqualTo("ACCEPTED");
        postJson("/api/repair/objections/" + id + "/opinion", """
                {"outcome": "CORRECTION", "opinion": "认定日期有误，应为2026-10-20，附更正材料", "by": "王科长"}""");

        JsonNode decided = body(postJson("/api/repair/objections/" + id + "/review", """
                {"approved": true, "by": "信用办李主任"}"""));

        assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.get("apology").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT kind FROM decision WHERE listing_id = :id").param("id", listingId)
                .query(String.class).single()).isEqualTo("CORRECTION");
    }

    @Test
    @DisplayName("R10: deadline alarms fire once each: DUE_TODAY on the 7th working day, OVERDUE the day after")
    void deadlineAlarms() {
        UUID listingId = confirmed(ListingEventsFixture.BLACK_TAX);
        String id = file(listingId);
        JsonNode accepted = body(postJson("/api/repair/objections/" + id + "/acceptance", "{\"by\": \"王科长\"}"));
        assertThat(accepted.get("dueDate").asText()).isEqualTo("2026-12-02");

        at("2026-12-01T02:00:00Z");
        service.raiseDeadlineAlarms();
        assertThat(alarms(id)).isEmpty();

        at("2026-12-02T01:00:00Z"); // 09:00 in Shanghai on the due day
        service.raiseDeadlineAlarms();
        service.raiseDeadlineAlarms();
        assertThat(alarms(id)).containsExactly("DUE_TODAY");

        at("2026-12-03T01:00:00Z");
        service.raiseDeadlineAlarms();
        at("2026-12-04T01:00:00Z");
        service.raiseDeadlineAlarms();
        assertThat(alarms(id)).containsExactly("DUE_TODAY", "OVERDUE");

        ConsumerRecord<String, String> overdue = events.awaitRecord(Topics.REPAIR_EVENTS,
                r -> r.value().contains(EventTypes.OBJECTION_DEADLINE) && r.value().contains(id)
                        && r.value().contains("OVERDUE"));
        Envelope<Object> event = codec.decode(overdue.value());
        ObjectionDeadlineAlarm alarm = (ObjectionDeadlineAlarm) event.data();
        assertThat(alarm.dueDate()).hasToString("2026-12-02");
        assertThat(alarm.raisedOn()).hasToString("2026-12-03");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE event_type = :type AND payload LIKE :id")
                .param("type", EventTypes.OBJECTION_DEADLINE).param("id", "%" + id + "%")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    @DisplayName("R10: a verification deadline that runs into a year with no holiday arrangement is not guessed: 503, the objection stays as it was")
    void deadlineBeyondTheCalendarIsRefused() {
        UUID listingId = confirmed(ListingEventsFixture.BLACK_TAX);
        String id = file(listingId);

        at("2028-12-26T02:00:00Z"); // 2028 has no arrangement here (test-support adds a 2027 fixture, no more)
        ResponseEntity<String> refused = postJson("/api/repair/objections/" + id + "/acceptance",
                "{\"by\": \"王科长\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getBody()).contains("no holiday arrangement for 2028").contains("CALENDAR_DIR");
        assertThat(jdbc.sql("SELECT status FROM objection WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("FILED");
    }

    @Test
    @DisplayName("R10: a decided objection's alarms stop; an empty evidence file is 400")
    void decidedStopsAlarmsAndEmptyFile() {
        UUID listingId = confirmed(ListingEventsFixture.BLACK_TAX);
        String id = file(listingId);
        assertThat(upload(id, new byte[0]).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        postJson("/api/repair/objections/" + id + "/acceptance", "{\"by\": \"王科长\"}");
        postJson("/api/repair/objections/" + id + "/reply", "{\"reply\": \"维持\", \"by\": \"王科长\"}");

        at("2026-12-10T02:00:00Z");
        service.raiseDeadlineAlarms();

        assertThat(alarms(id)).isEmpty();
    }

    private void at(String instant) {
        MovableClock.NOW.set(Instant.parse(instant));
    }

    private List<String> alarms(String objectionId) {
        return jdbc.sql("SELECT alarm FROM objection_alarm WHERE objection_id = :id ORDER BY raised_on")
                .param("id", UUID.fromString(objectionId)).query(String.class).list();
    }

    private long decisions(UUID listingId) {
        return jdbc.sql("SELECT count(*) FROM decision WHERE listing_id = :id").param("id", listingId)
                .query(Long.class).single();
    }

    private String file(UUID listingId) {
        ResponseEntity<String> response = postJson("/api/repair/objections", """
                {"listingId": "%s", "objectorName": "某公司", "reason": "认定有误"}""".formatted(listingId));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return body(response).get("id").asText();
    }

    private UUID confirmed(ListType type) {
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, type, organisation(), "测试事由"));
        await().atMost(Duration.ofSeconds(30)).until(() -> refs.find(listingId).isPresent());
        return listingId;
    }

    private ResponseEntity<String> upload(String objectionId, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "完税证明.pdf";
            }
        });
        parts.add("description", "完税证明扫描件");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/repair/objections/" + objectionId + "/evidence",
                new HttpEntity<>(parts, headers), String.class);
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
