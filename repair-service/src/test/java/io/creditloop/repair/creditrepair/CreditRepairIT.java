package io.creditloop.repair.creditrepair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.contracts.repair.v1.RepairDeadlineAlarm;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** R12: credit repair through the API, with the repair mode learnt from the listing events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreditRepairIT {

    private static final ListType WITHDRAWN = new ListType("TAX_MAJOR_VIOLATION", 1, "重大税收违法案件当事人名单",
            ListKind.BLACK, "tax", true, "PUBLICATION_WITHDRAWN");
    private static final ListType NOTED = new ListType("SAFETY_BLACK", 1, "安全生产失信名单", ListKind.BLACK,
            "emergency", true, "RECTIFICATION_NOTED");
    private static final ListType NOT_REPAIRABLE = new ListType("COURT_DEFAULTER", 1, "失信被执行人名单",
            ListKind.BLACK, "court", true, "NOT_REPAIRABLE");
    private static final ListType GRAY_OTHER = new ListType("MARKET_ABNORMAL_OPERATION", 1, "经营异常名录",
            ListKind.GRAY, "market", false, "PUBLICATION_WITHDRAWN");

    @Autowired
    TestRestTemplate http;
    @Autowired
    CreditRepairService service;
    @Autowired
    io.creditloop.calendar.WorkingDayCalendar calendar;
    @Autowired
    java.time.Clock clock;
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
    @Autowired
    io.creditloop.messaging.ListingEventStream stream;
    @Autowired
    io.creditloop.messaging.ListingEventHandler listingEvents;

    @Test
    @DisplayName("R12: a listing of a NOT_REPAIRABLE type is refused with the reason, and nothing is stored")
    void notRepairable() {
        UUID listingId = confirmed(organisation(), NOT_REPAIRABLE, events.today().minusDays(30));

        ResponseEntity<String> response = apply(listingId, false, "RECTIFICATION");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(response).get("reasons").toString()).contains("COURT_DEFAULTER cannot be repaired");
        assertThat(jdbc.sql("SELECT count(*) FROM credit_repair WHERE listing_id = :id").param("id", listingId)
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("R12(a): application → department opinion → credit office review → REPAIRED_EXIT decision, "
            + "due dates in working days and reviewers recorded")
    void publicationWithdrawn() {
        UUID listingId = confirmed(organisation(), WITHDRAWN, events.today().minusDays(30));

        JsonNode applied = ok(apply(listingId, false, "RECTIFICATION"));
        String id = applied.get("id").asText();
        assertThat(applied.get("path").asText()).isEqualTo("PUBLICATION_WITHDRAWN");
        assertThat(applied.get("status").asText()).isEqualTo("APPLIED");
        assertThat(applied.get("opinionDue").asText()).isNotBlank();
        assertThat(applied.get("evidence")).hasSize(2);

        JsonNode opinion = ok(post("/api/repair/repairs/" + id + "/opinion",
                "{\"agrees\": true, \"opinion\": \"同意提前退出\", \"by\": \"税务局王科长\"}"));
        assertThat(opinion.get("status").asText()).isEqualTo("OPINION_GIVEN");
        assertThat(opinion.get("reviewDue").asText()).isNotBlank();
        JsonNode carried = ok(post("/api/repair/repairs/" + id + "/review",
                "{\"approved\": true, \"by\": \"信用办李主任\"}"));

        assertThat(carried.get("status").asText()).isEqualTo("CARRIED_OUT");
        assertThat(carried.get("opinionBy").asText()).isEqualTo("税务局王科长");
        assertThat(carried.get("reviewedBy").asText()).isEqualTo("信用办李主任");
        DecisionMade decision = decisionFor(id);
        assertThat(decision.kind()).isEqualTo(DecisionKind.REPAIRED_EXIT);
        assertThat(decision.listingId()).isEqualTo(listingId);
        assertThat(decision.caseKind()).isEqualTo("REPAIR");
    }

    @Test
    @DisplayName("R12(a): an intentional violation is refused; R12(b): less than a year since the listing is refused, "
            + "a year on it is noted")
    void conditions() {
        UUID withdrawn = confirmed(organisation(), WITHDRAWN, events.today().minusDays(30));
        assertThat(body(apply(withdrawn, true, "RECTIFICATION")).get("reasons").toString()).contains("R12(a)");

        UUID recent = confirmed(organisation(), NOTED, events.today().minusDays(200));
        assertThat(body(apply(recent, false, "RECTIFICATION", "OBLIGATIONS_FULFILLED")).get("reasons").toString())
                .contains("one full year");

        UUID yearOld = confirmed(organisation(), NOTED, events.today().minusYears(1).minusDays(3));
        String id = ok(apply(yearOld, false, "RECTIFICATION", "OBLIGATIONS_FULFILLED")).get("id").asText();
        post("/api/repair/repairs/" + id + "/opinion", "{\"agrees\": true, \"opinion\": \"同意\", \"by\": \"王\"}");
        ok(post("/api/repair/repairs/" + id + "/review", "{\"approved\": true, \"by\": \"李\"}"));
        assertThat(decisionFor(id).kind()).isEqualTo(DecisionKind.RECTIFICATION_NOTED);
    }

    @Test
    @DisplayName("R12 (000 §5(二)): a new black listing of the same subject within validity cancels the repair and "
            + "bars another one; a gray listing of another type does not")
    void reOffence() {
        Subject company = organisation();
        UUID listingId = confirmed(company, WITHDRAWN, events.today().minusDays(30));
        String id = ok(apply(listingId, false, "RECTIFICATION")).get("id").asText();

        confirmed(company, GRAY_OTHER, events.today());
        assertThat(status(id)).isEqualTo("APPLIED");

        confirmed(company, NOT_REPAIRABLE, events.today());
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(status(id)));

        JsonNode cancelled = ok(http.getForEntity("/api/repair/repairs/" + id, String.class));
        assertThat(cancelled.get("closedReason").asText()).contains("R12");
        ResponseEntity<String> again = apply(listingId, false, "RECTIFICATION");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(body(again).get("reasons").toString()).contains("re-offence");
    }

    @Test
    @DisplayName("R12 (000 §5(二)), issue 9: in one poll's batch, a re-offending listing among others cancels the repair in its place, and the others are stored with the facts repair reads")
    void reOffenceWithinABatch() {
        Subject company = organisation();
        UUID listingId = confirmed(company, WITHDRAWN, events.today().minusDays(30));
        String id = ok(apply(listingId, false, "RECTIFICATION")).get("id").asText();
        Subject before = organisation();
        Subject after = organisation();
        UUID beforeId = UUID.randomUUID();
        UUID reOffenceId = UUID.randomUUID();
        UUID afterId = UUID.randomUUID();
        List<Envelope<?>> batch = List.of(
                events.confirmed(beforeId, WITHDRAWN, before, "批内其一"),
                events.confirmed(reOffenceId, NOT_REPAIRABLE, company, "修复期间再次失信"),
                events.confirmed(afterId, WITHDRAWN, after, "批内其二"));
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            records.add(new ConsumerRecord<>(Topics.LISTING_EVENTS, 0, i, "key-" + i, codec.encode(batch.get(i))));
        }

        assertThat(stream.acceptAll("test.batch." + UUID.randomUUID(), records, listingEvents)).isEqualTo(3);

        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT subject_key FROM listing_ref WHERE listing_id IN (:ids) ORDER BY subject_key")
                .param("ids", List.of(beforeId, reOffenceId, afterId)).query(String.class).list())
                .containsExactlyInAnyOrder(before.key(), company.key(), after.key());
        assertThat(jdbc.sql("SELECT repair_mode FROM listing_ref WHERE listing_id = :id").param("id", afterId)
                .query(String.class).single()).isEqualTo("PUBLICATION_WITHDRAWN");
    }

    @Test
    @DisplayName("R12: a department that does not agree refuses the repair; a review is then 409")
    void departmentRefuses() {
        UUID listingId = confirmed(organisation(), WITHDRAWN, events.today().minusDays(30));
        String id = ok(apply(listingId, false, "RECTIFICATION")).get("id").asText();

        JsonNode refused = ok(post("/api/repair/repairs/" + id + "/opinion",
                "{\"agrees\": false, \"opinion\": \"整改不到位\", \"by\": \"王\"}"));

        assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("closedReason").asText()).contains("整改不到位");
        assertThat(post("/api/repair/repairs/" + id + "/review", "{\"approved\": true, \"by\": \"李\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    @DisplayName("R12 (000 §5(三)): opinion and review each due in working days; an overdue step raises one "
            + "repair.repair.deadline.v1 alarm, once, shown with the repair")
    void approvalStepsOverdue() {
        UUID listingId = confirmed(organisation(), WITHDRAWN, events.today().minusDays(30));
        JsonNode applied = ok(apply(listingId, false, "RECTIFICATION"));
        String id = applied.get("id").asText();
        assertThat(applied.get("opinionDue").asText())
                .isEqualTo(calendar.addWorkingDays(repairToday(), 7).toString());

        // the department let the opinion's due date pass
        LocalDate missed = repairToday().minusDays(2);
        jdbc.sql("UPDATE credit_repair SET opinion_due = :due WHERE id = :id").param("due", missed)
                .param("id", UUID.fromString(id)).update();
        service.raiseDeadlineAlarms();
        service.raiseDeadlineAlarms();

        RepairDeadlineAlarm opinionAlarm = alarm(id, "OPINION");
        assertThat(opinionAlarm.alarm()).isEqualTo("OVERDUE");
        assertThat(opinionAlarm.dueDate()).isEqualTo(missed);
        assertThat(opinionAlarm.recognisingDepartment()).isEqualTo("tax");
        assertThat(jdbc.sql("SELECT count(*) FROM credit_repair_alarm WHERE repair_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).as("once").isEqualTo(1);

        JsonNode opinion = ok(post("/api/repair/repairs/" + id + "/opinion",
                "{\"agrees\": true, \"opinion\": \"同意\", \"by\": \"税务局王科长\"}"));
        assertThat(opinion.get("opinionBy").asText()).isEqualTo("税务局王科长");
        assertThat(opinion.get("reviewDue").asText()).isEqualTo(calendar.addWorkingDays(repairToday(), 7).toString());
        jdbc.sql("UPDATE credit_repair SET review_due = :due WHERE id = :id").param("due", missed)
                .param("id", UUID.fromString(id)).update();
        service.raiseDeadlineAlarms();
        assertThat(alarm(id, "REVIEW").dueDate()).isEqualTo(missed);

        JsonNode shown = ok(http.getForEntity("/api/repair/repairs/" + id, String.class));
        assertThat(shown.get("alarms").findValuesAsText("step")).containsExactly("OPINION", "REVIEW");
        JsonNode carried = ok(post("/api/repair/repairs/" + id + "/review",
                "{\"approved\": true, \"by\": \"信用办李主任\"}"));
        assertThat(carried.get("reviewedBy").asText()).isEqualTo("信用办李主任");
        assertThat(service.raiseDeadlineAlarms()).as("a carried-out repair is not overdue").isZero();
    }

    private LocalDate repairToday() {
        return LocalDate.now(clock);
    }

    private RepairDeadlineAlarm alarm(String repairId, String step) {
        ConsumerRecord<String, String> record = events.awaitRecord(Topics.REPAIR_EVENTS,
                r -> r.value().contains(EventTypes.REPAIR_DEADLINE) && r.value().contains(repairId)
                        && r.value().contains("\"" + step + "\""));
        return (RepairDeadlineAlarm) codec.decode(record.value()).data();
    }

    private String status(String repairId) {
        return jdbc.sql("SELECT status FROM credit_repair WHERE id = :id").param("id", UUID.fromString(repairId))
                .query(String.class).single();
    }

    private DecisionMade decisionFor(String repairId) {
        ConsumerRecord<String, String> record = events.awaitRecord(Topics.REPAIR_EVENTS,
                r -> r.value().contains(EventTypes.DECISION_MADE) && r.value().contains(repairId));
        return (DecisionMade) codec.decode(record.value()).data();
    }

    /** Publishes a confirmed listing and waits until a sentinel after it shows it was handled. */
    private UUID confirmed(Subject subject, ListType type, LocalDate recognised) {
        UUID listingId = UUID.randomUUID();
        Instant now = Instant.now();
        events.send(Envelope.of("/identification-service", EventTypes.LISTING_CONFIRMED, now, subject.key(),
                new ListingConfirmed(listingId, 2, type, subject, "测试事由", "测试依据", type.department(), recognised,
                        recognised, recognised.plusYears(2), now)));
        await().atMost(Duration.ofSeconds(30)).until(() -> refs.find(listingId).isPresent());
        return listingId;
    }

    private ResponseEntity<String> apply(UUID listingId, boolean intentional, String... kinds) {
        StringBuilder evidence = new StringBuilder();
        for (String kind : kinds) {
            evidence.append("{\"kind\": \"").append(kind).append("\", \"description\": \"证明\", \"reference\": \"证-")
                    .append(kind).append("\"},");
        }
        evidence.append("{\"kind\": \"CREDIT_COMMITMENT\", \"description\": \"信用承诺书\", \"reference\": \"承诺-1\"}");
        return post("/api/repair/repairs", """
                {"listingId": "%s", "applicant": "某公司", "statement": "已整改到位，申请信用修复",
                 "intentional": %s, "evidence": [%s]}""".formatted(listingId, intentional, evidence));
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return body(response);
    }

    private JsonNode body(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
