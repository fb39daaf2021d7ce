package io.creditloop.identification.listing;

import io.creditloop.testsupport.Identifiers;
import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.identification.subject.Uscc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The identification lifecycle through the public API, on real PostgreSQL and Kafka, with a clock the test moves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.identification.lifecycle-enabled=false")
class ListingLifecycleIT {

    private static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z"); // 10:00 in Shanghai

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
    ListingLifecycleScheduler scheduler;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void monday() {
        MovableClock.NOW.set(MONDAY);
    }

    @Test
    @DisplayName("R5: a red listing is publicised for 7 working days and confirmed when publicity ends without objection")
    void redPublicityThenConfirmation() {
        String uscc = Identifiers.uscc();
        JsonNode red = submit("tax", "TAX_A_GRADE", uscc, "2026-11-20");
        assertThat(red.get("status").asText()).isEqualTo("IN_PUBLICITY");
        assertThat(red.get("publicityEndsOn").asText()).isEqualTo("2026-12-02");

        MovableClock.NOW.set(Instant.parse("2026-12-02T02:00:00Z"));
        scheduler.run();
        assertThat(get(red).get("status").asText()).isEqualTo("IN_PUBLICITY");

        MovableClock.NOW.set(Instant.parse("2026-12-03T02:00:00Z"));
        scheduler.run();
        assertThat(get(red).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(outboxEvents(red, "listing.confirmed.v1")).isEqualTo(1);
    }

    @Test
    @DisplayName("R5: a publicity period that runs into a year with no holiday arrangement is not guessed: 503, nothing stored")
    void publicityBeyondTheCalendarIsRefused() {
        // 2028 has no arrangement here (the built-in years end in 2026; test-support adds a 2027 fixture)
        MovableClock.NOW.set(Instant.parse("2028-12-26T02:00:00Z"));
        String uscc = Identifiers.uscc();

        ResponseEntity<JsonNode> refused = post("/api/listings", listing("tax", "TAX_A_GRADE", uscc, "2028-12-20"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getBody().get("type").asText()).endsWith("calendar-year-missing");
        assertThat(refused.getBody().get("detail").asText()).contains("no holiday arrangement for 2028")
                .contains("CALENDAR_DIR");
        assertThat(listings(uscc).size()).isZero();
    }

    @Test
    @DisplayName("R5, R3: a spreadsheet row whose publicity runs into a year with no holiday arrangement is rejected, naming the year")
    void intakeRowBeyondTheCalendarIsRejectedWithTheReason() {
        MovableClock.NOW.set(Instant.parse("2028-12-26T02:00:00Z"));
        String uscc = Identifiers.uscc();
        String csv = "名称/姓名,统一社会信用代码,法定代表人,身份证号码,列入名单事由,认定日期,有效期\n"
                + "日历" + uscc + "有限公司," + uscc + ",张三,,纳税信用评价为A级,2028-12-20,1年\n";
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "calendar-" + uscc + ".csv";
            }
        });
        form.add("department", "tax");
        form.add("listType", "纳税信用A级纳税人名单");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/intake/uploads", new HttpEntity<>(form, headers),
                JsonNode.class);
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String upload = "/api/intake/uploads/" + accepted.getBody().get("id").asText();

        JsonNode[] done = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            done[0] = http.getForObject(upload, JsonNode.class);
            return List.of("DONE", "FAILED").contains(done[0].get("state").asText());
        });

        assertThat(done[0].get("state").asText()).isEqualTo("DONE");
        assertThat(done[0].get("accepted").asLong()).isZero();
        assertThat(done[0].get("rejected").asLong()).isEqualTo(1);
        JsonNode rejection = http.getForObject(upload + "/rejections", JsonNode.class).get("items").get(0);
        assertThat(rejection.get("message").asText()).contains("2028").contains("CALENDAR_DIR");
        assertThat(listings(uscc).size()).isZero();
    }

    @Test
    @DisplayName("R5: a red preliminary listing of a black-listed subject is excluded with its reason, and never published")
    void redExcludedForBlackSubject() {
        String uscc = Identifiers.uscc();
        JsonNode black = submit("tax", "TAX_MAJOR_VIOLATION", uscc, "2026-11-02");
        JsonNode red = submit("tax", "TAX_A_GRADE", uscc, "2026-11-20");

        assertThat(black.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(red.get("status").asText()).isEqualTo("EXCLUDED");
        assertThat(red.get("decision").asText()).contains("R5").contains("TAX_MAJOR_VIOLATION");
        assertThat(outboxEvents(red, "listing.confirmed.v1")).isZero();
    }

    @Test
    @DisplayName("R4/R13: a confirmed black listing removes the subject from its red lists")
    void blackSupersedesRed() {
        String uscc = Identifiers.uscc();
        JsonNode red = submit("tax", "TAX_A_GRADE", uscc, "2026-11-20");
        MovableClock.NOW.set(Instant.parse("2026-12-03T02:00:00Z"));
        scheduler.run();
        assertThat(get(red).get("status").asText()).isEqualTo("CONFIRMED");

        submit("court", "COURT_DEFAULTER", uscc, "2026-12-01");

        JsonNode removed = get(red);
        assertThat(removed.get("status").asText()).isEqualTo("EXITED");
        assertThat(removed.get("exitReason").asText()).isEqualTo("REVOKED");
        assertThat(outboxEvents(red, "listing.exited.v1")).isEqualTo(1);
    }

    @Test
    @DisplayName("R4: a natural person is notified before a black listing is confirmed")
    void personNeedsPriorNotice() {
        Map<String, Object> body = new HashMap<>(Map.of("department", "court", "listType", "COURT_DEFAULTER",
                "subjectType", "PERSON", "name", "王五", "idNumber", Identifiers.residentId(), "reason", "有履行能力而拒不履行",
                "basis", "（2026）鄂02执1号", "recognitionDate", "2026-11-20"));
        JsonNode person = post("/api/listings", body).getBody();
        assertThat(person.get("status").asText()).isEqualTo("RECORDED");
        assertThat(outboxEvents(person, "listing.confirmed.v1")).isZero();

        JsonNode notified = post("/api/listings/" + person.get("id").asText() + "/notice",
                Map.of("noticeDate", "2026-11-21")).getBody();

        assertThat(notified.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(notified.get("noticeDate").asText()).isEqualTo("2026-11-21");
        assertThat(outboxEvents(person, "listing.confirmed.v1")).isEqualTo(1);
    }

    @Test
    @DisplayName("R10/R11: an objection in publicity waits for the department; upheld withdraws it and purges personal data")
    void objectionUpheldPurges() {
        String uscc = Identifiers.uscc();
        JsonNode red = submit("tax", "TAX_A_GRADE", uscc, "2026-11-20");
        String id = red.get("id").asText();

        assertThat(post("/api/listings/" + id + "/objection", Map.of("reason", "该企业存在欠税"))
                .getBody().get("status").asText()).isEqualTo("OBJECTED");
        MovableClock.NOW.set(Instant.parse("2026-12-10T02:00:00Z"));
        scheduler.run();
        assertThat(get(red).get("status").asText()).isEqualTo("OBJECTED");

        JsonNode withdrawn = post("/api/listings/" + id + "/objection/decision",
                Map.of("upheld", true, "note", "核实存在欠税")).getBody();

        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        JsonNode tombstone = get(red);
        assertThat(tombstone.get("uscc").isNull()).isTrue();
        assertThat(tombstone.toString()).doesNotContain(uscc);
        assertThat(http.getForObject("/api/listings?uscc=" + uscc, JsonNode.class)).isEmpty();
    }

    @Test
    @DisplayName("R5/R10: a dismissed objection returns the listing to publicity, confirmed when publicity ends")
    void objectionDismissedReturnsToPublicity() {
        JsonNode red = submit("tax", "TAX_A_GRADE", Identifiers.uscc(), "2026-11-20");
        String id = red.get("id").asText();
        post("/api/listings/" + id + "/objection", Map.of("reason", "不服"));

        JsonNode dismissed = post("/api/listings/" + id + "/objection/decision", Map.of("upheld", false)).getBody();

        assertThat(dismissed.get("status").asText()).isEqualTo("IN_PUBLICITY");
        assertThat(dismissed.get("decision").asText()).startsWith("DISMISSED");
        MovableClock.NOW.set(Instant.parse("2026-12-03T02:00:00Z"));
        scheduler.run();
        assertThat(get(red).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    @DisplayName("R5: a red listing whose subject is listed black during its publicity is excluded when publicity ends")
    void blackDuringPublicityExcludesRed() {
        String uscc = Identifiers.uscc();
        JsonNode red = submit("tax", "TAX_A_GRADE", uscc, "2026-11-20");
        submit("court", "COURT_DEFAULTER", uscc, "2026-11-21");

        MovableClock.NOW.set(Instant.parse("2026-12-03T02:00:00Z"));
        scheduler.run();

        assertThat(get(red).get("status").asText()).isEqualTo("EXCLUDED");
        assertThat(outboxEvents(red, "listing.confirmed.v1")).isZero();
    }

    @Test
    @DisplayName("R4/R13: dates in the future are refused for a prior notice and an exit; nothing changes")
    void futureDatesRefused() {
        Map<String, Object> body = new HashMap<>(Map.of("department", "court", "listType", "COURT_DEFAULTER",
                "subjectType", "PERSON", "name", "赵六", "idNumber", Identifiers.residentId(), "reason", "拒不履行",
                "basis", "（2026）鄂02执2号", "recognitionDate", "2026-11-20"));
        JsonNode person = post("/api/listings", body).getBody();
        String id = person.get("id").asText();

        assertThat(post("/api/listings/" + id + "/notice", Map.of("noticeDate", "2026-12-01")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(get(person).get("status").asText()).isEqualTo("RECORDED");

        JsonNode black = submit("tax", "TAX_MAJOR_VIOLATION", Identifiers.uscc(), "2026-11-02");
        ResponseEntity<JsonNode> future = post("/api/listings/" + black.get("id").asText() + "/exit",
                Map.of("reason", "REPAIRED", "exitDate", "2026-12-01"));
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get(black).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    @DisplayName("R13: a black exit by repair moves the subject to its gray list at once; an erroneous one does not, and purges")
    void blackExitToGray() {
        String uscc = Identifiers.uscc();
        JsonNode black = submit("tax", "TAX_MAJOR_VIOLATION", uscc, "2026-11-02");

        post("/api/listings/" + black.get("id").asText() + "/exit", Map.of("reason", "REPAIRED", "exitDate", "2026-11-23"));

        JsonNode gray = only(listings(uscc), "TAX_KEY_ATTENTION");
        assertThat(gray.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(gray.get("recognitionDate").asText()).isEqualTo("2026-11-23");
        assertThat(gray.get("validUntil").asText()).isEqualTo("2027-11-22");
        assertThat(outboxEvents(gray, "listing.confirmed.v1")).isEqualTo(1);
        // R7: this gray list type is not published (catalog gray_published = false), and the event says so
        assertThat(jdbc.sql("SELECT payload FROM outbox WHERE event_type = 'listing.confirmed.v1' AND payload LIKE :id")
                .param("id", "%" + gray.get("id").asText() + "%").query(String.class).single())
                .contains("\"published\":false");

        String wrongUscc = Identifiers.uscc();
        JsonNode wrong = submit("tax", "TAX_MAJOR_VIOLATION", wrongUscc, "2026-11-02");
        post("/api/listings/" + wrong.get("id").asText() + "/exit", Map.of("reason", "ERRONEOUS"));
        assertThat(listings(wrongUscc)).isEmpty();
        assertThat(get(wrong).get("status").asText()).isEqualTo("EXITED");
        assertThat(get(wrong).get("name").asText()).isEqualTo("（已删除）");
    }

    @Test
    @DisplayName("R13: listings exit automatically when their validity ends, and a black one moves to gray")
    void expiry() {
        String uscc = Identifiers.uscc();
        Map<String, Object> body = listing("tax", "TAX_MAJOR_VIOLATION", uscc, "2026-08-01");
        body.put("validity", "3个月");
        JsonNode black = post("/api/listings", body).getBody();
        assertThat(black.get("validUntil").asText()).isEqualTo("2026-10-31");

        scheduler.run();

        JsonNode expired = get(black);
        assertThat(expired.get("status").asText()).isEqualTo("EXITED");
        assertThat(expired.get("exitReason").asText()).isEqualTo("EXPIRED");
        assertThat(expired.get("exitDate").asText()).isEqualTo("2026-11-01");
        assertThat(only(listings(uscc), "TAX_KEY_ATTENTION").get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    @DisplayName("R14: gray in 3 domains at once adds a big-data warning listing; gray escalates to black in one call")
    void grayRules() {
        String uscc = Identifiers.uscc();
        submit("tax", "TAX_KEY_ATTENTION", uscc, "2026-11-20");
        submit("market", "MARKET_ABNORMAL_OPERATION", uscc, "2026-11-20");
        assertThat(listings(uscc).findValuesAsText("listType")).doesNotContain("BIG_DATA_WARNING");
        JsonNode housing = submit("housing", "HOUSING_KEY_ATTENTION", uscc, "2026-11-20");

        assertThat(only(listings(uscc), "BIG_DATA_WARNING").get("status").asText()).isEqualTo("CONFIRMED");

        Map<String, Object> black = Map.of("department", "housing", "listType", "CONSTRUCTION_WAGE_ARREARS",
                "reason", "恶意拖欠农民工工资", "basis", "《保障农民工工资支付条例》", "recognitionDate", "2026-11-23");
        ResponseEntity<JsonNode> escalated = post("/api/listings/" + housing.get("id").asText() + "/escalate", black);

        assertThat(escalated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(escalated.getBody().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(escalated.getBody().get("uscc").asText()).isEqualTo(uscc);
        assertThat(get(housing).get("status").asText()).isEqualTo("EXITED");
    }

    private JsonNode submit(String department, String listType, String uscc, String recognitionDate) {
        ResponseEntity<JsonNode> created = post("/api/listings", listing(department, listType, uscc, recognitionDate));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private static Map<String, Object> listing(String department, String listType, String uscc, String date) {
        return new HashMap<>(Map.of("department", department, "listType", listType, "subjectType", "ORGANISATION",
                "name", "生命周期" + uscc + "有限公司", "uscc", uscc, "reason", "事由", "basis", "依据",
                "recognitionDate", date));
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return http.postForEntity(path, body, JsonNode.class);
    }

    private JsonNode get(JsonNode listing) {
        return http.getForObject("/api/listings/" + listing.get("id").asText(), JsonNode.class);
    }

    private JsonNode listings(String uscc) {
        return http.getForObject("/api/listings?uscc=" + uscc, JsonNode.class);
    }

    private static JsonNode only(JsonNode listings, String listType) {
        List<JsonNode> matching = new java.util.ArrayList<>();
        listings.forEach(l -> {
            if (l.get("listType").asText().equals(listType)) {
                matching.add(l);
            }
        });
        assertThat(matching).as(listType + " in " + listings).hasSize(1);
        return matching.get(0);
    }

    private long outboxEvents(JsonNode listing, String type) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_type = :type AND payload LIKE :id")
                .param("type", type).param("id", "%" + listing.get("id").asText() + "%").query(Long.class).single();
    }

}
