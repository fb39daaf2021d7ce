package io.creditloop.sharing.registry;

import io.creditloop.security.Caller;
import io.creditloop.testsupport.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.contracts.Envelope;
import io.creditloop.sharing.subject.Identifiers;
import io.creditloop.sharing.subject.PersonKeys;
import io.creditloop.testsupport.ListingEventsFixture;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The register follows the listing topic here only (see the test config). The context is closed afterwards, so its
 * consumers and delivery scheduler do not outlive the class and take over another test's messages or forwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.sharing.registry.follow-listing-events=true")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class RegistryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ListingEventsFixture events;
    @Autowired
    PersonKeys personKeys;
    @Autowired
    RegistryService registry;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final String agency = "agency-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    @DisplayName("R16: a query by USCC shows the organisation's listings in force and is not registered")
    void organisationQueryNotRegistered() {
        Subject company = company();
        events.send(events.confirmed(UUID.randomUUID(), company, "虚开增值税专用发票"));

        JsonNode answer = await().atMost(WAIT).until(() -> query("uscc=" + company.uscc(), null).getBody(),
                a -> a.path("listings").size() == 1);

        assertThat(answer.path("registered").asBoolean()).isFalse();
        JsonNode listing = answer.path("listings").get(0);
        assertThat(listing.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(listing.path("source").asText()).isEqualTo("local");
        assertThat(listing.path("kind").asText()).isEqualTo("BLACK");
        assertThat(register(agency)).isEmpty();
    }

    @Test
    @DisplayName("R16: a person query without a stated purpose is refused with 400 and nothing is shown or registered")
    void personQueryNeedsPurpose() {
        ResponseEntity<JsonNode> refused = query("idNumber=" + Identifiers.idNumber(), null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("purpose");
        assertThat(refused.getBody().has("listings")).isFalse();
        assertThat(register(agency)).isEmpty();
    }

    @Test
    @DisplayName("R16/R4: a person listed locally and by the courts is found by ID number, masked; the query is "
            + "registered with who, when, which subject and why, and the credit office reviews it")
    void personQueryRegistered(CapturedOutput output) {
        String id = Identifiers.idNumber();
        String masked = id.substring(0, 6) + "********" + id.substring(14);
        Subject person = new Subject(personKeys.residentId(id), SubjectType.PERSON, "赵六", null, "RESIDENT_ID", id,
                null);
        events.send(events.confirmed(UUID.randomUUID(), person, "拖欠农民工工资"));
        Map<String, Object> court = new LinkedHashMap<>();
        court.put("upstreamId", "(2025)鄂0102执" + UUID.randomUUID() + "号");
        court.put("listName", "失信被执行人名单");
        court.put("kind", "黑");
        court.put("subjectType", "自然人");
        court.put("name", "赵六");
        court.put("idNumber", id);
        assertThat(http.postForEntity("/api/sharing/upstream/court/listings", court, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Instant before = Instant.now();

        ResponseEntity<String> raw = await().atMost(WAIT).until(
                () -> exchange("/api/sharing/subjects?idNumber=" + id + "&purpose=政府采购资格审查", agency),
                r -> r.getBody() != null && r.getBody().contains("\"source\":\"local\""));

        assertThat(raw.getBody()).doesNotContain(id).contains(masked).contains("\"registered\":true")
                .contains("\"source\":\"court\"");
        List<JsonNode> entries = register(agency);
        assertThat(entries).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("agency").asText()).isEqualTo(agency);
            assertThat(e.path("official").asText()).isEqualTo("wang.kezhang");
            assertThat(e.path("purpose").asText()).isEqualTo("政府采购资格审查");
            assertThat(e.path("kind").asText()).isEqualTo("ID_NUMBER");
            assertThat(e.path("subjectKey").asText()).isEqualTo(person.key());
            assertThat(e.path("idNumberMasked").asText()).isEqualTo(masked);
        });
        JsonNode last = entries.get(0);
        assertThat(last.path("resultCount").asInt()).isEqualTo(2);
        assertThat(Instant.parse(last.path("queriedAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(exchange(registerUrl(agency), agency).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(output.getAll()).doesNotContain(id);
    }

    @Test
    @DisplayName("R16: a name query (exact, then prefix) that shows a person needs a purpose and is then registered")
    void nameQuery() {
        String family = "钱" + UUID.randomUUID().toString().substring(0, 4);
        String id = Identifiers.idNumber();
        events.send(events.confirmed(UUID.randomUUID(), new Subject(personKeys.residentId(id), SubjectType.PERSON,
                family + "七", null, "RESIDENT_ID", id, null), "拖欠农民工工资"));
        Subject company = company();
        events.send(events.confirmed(UUID.randomUUID(), new Subject(company.key(), SubjectType.ORGANISATION,
                family + "贸易有限公司", company.uscc(), null, null, null), "虚开增值税专用发票"));

        await().atMost(WAIT).until(() -> query("name=" + family, "信用核查").getBody(),
                a -> a.path("listings").size() == 2);
        assertThat(query("name=" + family, null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode org = query("name=" + family + "贸易有限公司", null).getBody();
        assertThat(org.path("registered").asBoolean()).isFalse();
        assertThat(org.path("listings")).hasSize(1);

        assertThat(register(agency)).singleElement().satisfies(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("NAME");
            assertThat(e.path("purpose").asText()).isEqualTo("信用核查");
            assertThat(e.path("subjectName").asText()).isEqualTo(family + "七");
        });
    }

    @Test
    @DisplayName("R16/R13: an exit is shown flagged as recently exited; a stale or repeated event changes nothing; "
            + "R11: an erroneous listing disappears")
    void exitsAndStaleVersions() {
        Subject company = company();
        UUID listingId = UUID.randomUUID();
        Envelope<ListingConfirmed> confirmed = events.confirmed(listingId, company, "虚开增值税专用发票");
        events.send(confirmed);
        events.send(events.exited(listingId, 3, company, ExitReason.REPAIRED));
        events.send(confirmed);
        events.send(events.corrected(listingId, 2, company, "旧版本"));

        JsonNode exited = await().atMost(WAIT).until(() -> query("uscc=" + company.uscc(), null).getBody(),
                a -> a.path("listings").size() == 1 && a.at("/listings/0/status").asText().equals("EXITED"));
        assertThat(exited.at("/listings/0/recentlyExited").asBoolean()).isTrue();
        assertThat(exited.at("/listings/0/exitedOn").asText()).isEqualTo(events.today().toString());

        UUID wrong = UUID.randomUUID();
        Subject other = company();
        events.send(events.confirmed(wrong, other, "错误认定"));
        await().atMost(WAIT).until(() -> query("uscc=" + other.uscc(), null).getBody().path("listings").size() == 1);
        events.send(events.exited(wrong, 3, other, ExitReason.ERRONEOUS));
        await().atMost(WAIT).until(() -> query("uscc=" + other.uscc(), null).getBody().path("listings").isEmpty());
    }

    @Test
    @DisplayName("a malformed listing event goes from the register's consumer group to identification.listing.events.dlt")
    void poisonMessageIsDeadLettered() {
        String poison = "{not json " + UUID.randomUUID();
        try (TopicProbe dlt = TopicProbe.of(bootstrapServers, Topics.deadLetter(Topics.LISTING_EVENTS))) {
            events.sendRaw("poison", poison);

            ConsumerRecord<String, String> dead = dlt.awaitOne(r -> poison.equals(r.value())
                    && "sharing-service.registry".equals(header(r, "kafka_dlt-original-consumer-group")), WAIT);

            assertThat(header(dead, "kafka_dlt-exception-message")).contains("not JSON");
        }
    }

    @Test
    @DisplayName("R16: a query needs an agency's token (a department's is refused), and exactly one of USCC, ID number or name")
    void badQueries() {
        HttpHeaders department = TestTokens.headers(TestTokens.department("tax"));
        department.set("X-Agency", agency); // a header names nobody any more
        ResponseEntity<JsonNode> refused = http.exchange("/api/sharing/subjects?uscc=91420200MA4KLB7Q32",
                HttpMethod.GET, new HttpEntity<>(department), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders forged = new HttpHeaders();
        forged.setBearerAuth("forged");
        assertThat(http.exchange("/api/sharing/subjects?uscc=91420200MA4KLB7Q32", HttpMethod.GET,
                new HttpEntity<>(forged), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(query("uscc=91420200MA4KLB7Q33", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String badId = Identifiers.withWrongCheck(Identifiers.idNumber());
        ResponseEntity<JsonNode> wrongId = query("idNumber=" + badId, "核查");
        assertThat(wrongId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongId.getBody().toString()).doesNotContain(badId);
        assertThat(query("uscc=91420200MA4KLB7Q32&name=x", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** The fixture's companies have random codes; queries check the USCC's check character. */
    private static Subject company() {
        String uscc = Identifiers.uscc();
        return new Subject("USCC:" + uscc, SubjectType.ORGANISATION, "黄石" + uscc.substring(10) + "贸易有限公司", uscc,
                null, null, "张三");
    }

    private ResponseEntity<JsonNode> query(String params, String purpose) {
        String url = "/api/sharing/subjects?" + params + (purpose == null ? "" : "&purpose=" + purpose);
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers(agency)), JsonNode.class);
    }

    private ResponseEntity<String> exchange(String url, String asAgency) {
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers(asAgency)), String.class);
    }

    private List<JsonNode> register(String ofAgency) {
        ResponseEntity<JsonNode> page = http.exchange(registerUrl(ofAgency), HttpMethod.GET,
                new HttpEntity<>(headers("credit-office")), JsonNode.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> items = new ArrayList<>();
        page.getBody().path("items").forEach(items::add);
        assertThat(page.getBody().path("total").asLong()).isEqualTo(items.size());
        return items;
    }

    private static String registerUrl(String ofAgency) {
        LocalDate today = LocalDate.now();
        return "/api/sharing/query-register?from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&agency="
                + ofAgency;
    }

    /** R16: who asks is the token's caller (as the gateway forwards it), never a header. */
    private static HttpHeaders headers(String agency) {
        return TestTokens.headers("credit-office".equals(agency)
                ? TestTokens.forCaller(Caller.creditOffice("wang.kezhang"))
                : TestTokens.agency(agency, "wang.kezhang"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("issue 9, R10: a poll with a listing's confirmation and its correction is written as a batch and keeps the correction (the driver's multi-row INSERT may not upsert one listing twice)")
    void twoVersionsOfOneListingInOneBatch() {
        Subject company = company();
        Subject other = company();
        UUID listingId = UUID.randomUUID();
        UUID otherId = UUID.randomUUID();
        ListingConfirmed confirmed = events.confirmed(listingId, company, "虚开增值税专用发票").data();
        Subject renamed = new Subject(company.key(), company.type(), company.name() + "（更正）", company.uscc(), null,
                null, company.legalRepresentative());

        // the batch path itself (its own transaction): no fallback to one by one to hide a failed statement
        registry.applyAll(List.of(confirmed, events.confirmed(otherId, other, "逃避追缴欠税").data(),
                events.corrected(listingId, 3, renamed, "虚开增值税专用发票（更正）").data(),
                // four rows: the driver sends them as one INSERT (it cuts a batch into INSERTs of 2^k rows)
                events.confirmed(UUID.randomUUID(), company(), "骗取出口退税").data()));

        Map<String, Object> row = jdbc.sql("SELECT version, name FROM registry_listing WHERE listing_key = :key")
                .param("key", RegistryListing.LOCAL + ":" + listingId).query().singleRow();
        assertThat(row).containsEntry("version", 3L).containsEntry("name", company.name() + "（更正）");
        assertThat(jdbc.sql("SELECT version FROM registry_listing WHERE listing_key = :key")
                .param("key", RegistryListing.LOCAL + ":" + otherId).query(Long.class).single()).isEqualTo(2L);
    }
}
