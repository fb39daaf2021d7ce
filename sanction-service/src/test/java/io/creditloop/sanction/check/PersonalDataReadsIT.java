package io.creditloop.sanction.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.MeasureVersion;
import io.creditloop.sanction.measure.Measures;
import io.creditloop.sanction.measure.Scenario;
import io.creditloop.sanction.watch.SubjectKeys;
import io.creditloop.testsupport.ListingEventsFixture;
import io.creditloop.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R16: sanction records every disclosure of a person's unmasked data in the same transaction as the answer or the
 * task: a credit check that shows a person (besides its check register), and a task put on an agency's topic with
 * the person's ID number. Organisations and refused checks record nothing.
 */
class PersonalDataReadsIT extends ServiceITSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ListingEventsFixture listings;
    @Autowired
    private Measures measures;
    @Autowired
    private SubjectKeys keys;

    private ListType blackType;

    @BeforeEach
    void catalog() {
        String code = "AUDIT_" + Listings.unique().toUpperCase(Locale.ROOT).replace('-', '_');
        blackType = new ListType(code, 1, "审计测试失信名单", ListKind.BLACK, "tax");
        assertThat(measures.insert(new MeasureVersion(new Measure(code, "transport", "RESTRICT_FLIGHTS", 1,
                "限制乘坐飞机", "003 §13", List.of(Scenario.HIGH_CONSUMPTION), null, true, 3), false, Instant.now(),
                "test", null))).isTrue();
    }

    @Test
    @DisplayName("R16: an agency's credit check of a person is recorded with who, what and the stated purpose; the "
            + "task that carried the person to the agency is recorded as the agency's read")
    void personCheckAndTaskRecorded() throws Exception {
        String idNumber = ListingEventsFixture.residentId();
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        Subject person = new Subject(keys.ofPerson("RESIDENT_ID", idNumber), SubjectType.PERSON, "郑十一", null,
                "RESIDENT_ID", idNumber, null);
        UUID listingId = UUID.randomUUID();
        Envelope<?> confirmed = listings.confirmed(listingId, blackType, person, "拒不履行");
        send(io.creditloop.contracts.Topics.LISTING_EVENTS, confirmed.subject(), confirmed);
        awaitHandled("sanction.check", confirmed);
        awaitTasksInForce(listingId, 1);

        List<JsonNode> tasks = records(listingId, "task");
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.path("callerKind").asText()).isEqualTo("AGENCY");
            assertThat(t.path("callerCode").asText()).isEqualTo("transport");
            assertThat(t.path("callerSubject").asText()).isEqualTo("topic:sanction.tasks.transport");
            assertThat(t.path("subjectKey").asText()).isEqualTo(person.key());
            assertThat(t.path("maskedIdNumber").asText()).isEqualTo(masked);
        });

        ResponseEntity<JsonNode> check = check(idNumber, "机票预订核验", TestTokens.agency("transport", "clerk-7"));

        assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(records(listingId, "credit-check")).singleElement().satisfies(c -> {
            assertThat(c.path("callerKind").asText()).isEqualTo("AGENCY");
            assertThat(c.path("callerCode").asText()).isEqualTo("transport");
            assertThat(c.path("callerSubject").asText()).isEqualTo("clerk-7");
            assertThat(c.path("service").asText()).isEqualTo("sanction-service");
            assertThat(c.path("purpose").asText()).isEqualTo("机票预订核验");
            assertThat(c.path("subjectKey").asText()).isEqualTo(person.key());
            assertThat(c.path("maskedIdNumber").asText()).isEqualTo(masked);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE event_type = :type AND payload LIKE :n")
                .param("type", EventTypes.PERSONAL_DATA_READ).param("n", "%" + idNumber + "%").query(Long.class)
                .single()).isZero();
        // the check register is kept as before
        assertThat(jdbc.sql("SELECT count(*) FROM credit_check_register WHERE subject_key = :key")
                .param("key", person.key()).query(Long.class).single()).isOne();

        // a department may not check: refused, nothing recorded
        assertThat(check(idNumber, "x", TestTokens.department("tax")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(records(listingId, "credit-check")).hasSize(1);
    }

    @Test
    @DisplayName("R16, issue 9: a person check's register entry and its audit record commit together: when the record "
            + "cannot be written, no answer and no register entry")
    void registerEntryAndAuditRecordCommitTogether() throws Exception {
        String idNumber = ListingEventsFixture.residentId();
        Subject person = new Subject(keys.ofPerson("RESIDENT_ID", idNumber), SubjectType.PERSON, "钱十二", null,
                "RESIDENT_ID", idNumber, null);
        UUID listingId = UUID.randomUUID();
        Envelope<?> confirmed = listings.confirmed(listingId, blackType, person, "拒不履行");
        send(io.creditloop.contracts.Topics.LISTING_EVENTS, confirmed.subject(), confirmed);
        awaitHandled("sanction.check", confirmed);
        awaitTasksInForce(listingId, 1);
        // the audit record of this listing's reads cannot be written from now on (rows already there are not checked)
        String constraint = "no_reads_" + listingId.toString().replace('-', '_');
        jdbc.sql("ALTER TABLE outbox ADD CONSTRAINT " + constraint + " CHECK (listing_id IS DISTINCT FROM '"
                + listingId + "' OR event_type <> '" + EventTypes.PERSONAL_DATA_READ + "') NOT VALID").update();
        try {
            assertThat(check(idNumber, "x", TestTokens.agency("transport", "clerk-7")).getStatusCode().is5xxServerError())
                    .isTrue();
        } finally {
            jdbc.sql("ALTER TABLE outbox DROP CONSTRAINT " + constraint).update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM credit_check_register WHERE subject_key = :key")
                .param("key", person.key()).query(Long.class).single()).as("rolled back with the record").isZero();
        assertThat(records(listingId, "credit-check")).isEmpty();

        assertThat(check(idNumber, "x", TestTokens.agency("transport", "clerk-7")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("SELECT count(*) FROM credit_check_register WHERE subject_key = :key")
                .param("key", person.key()).query(Long.class).single()).isOne();
        assertThat(records(listingId, "credit-check")).hasSize(1);
    }

    @Test
    @DisplayName("R16: an organisation's listing, its task and its credit check record nothing")
    void organisationRecordsNothing() throws Exception {
        Subject company = Listings.newSubject();
        UUID listingId = UUID.randomUUID();
        Envelope<?> confirmed = listings.confirmed(listingId, blackType, company, "虚开发票");
        send(io.creditloop.contracts.Topics.LISTING_EVENTS, confirmed.subject(), confirmed);
        awaitHandled("sanction.check", confirmed);
        awaitTasksInForce(listingId, 1);

        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/sanction/credit-check")
                .queryParam("uscc", company.uscc()).queryParam("scenario", "HIGH_CONSUMPTION");
        ResponseEntity<JsonNode> check = http.exchange(uri.build().encode().toUri(), HttpMethod.GET,
                new HttpEntity<>(TestTokens.headers(TestTokens.agency("transport", "clerk-7"))), JsonNode.class);

        assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(check.getBody().path("listed").asBoolean()).isTrue();
        assertThat(records(listingId, null)).isEmpty();
    }

    private ResponseEntity<JsonNode> check(String idNumber, String purpose, String token) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/sanction/credit-check")
                .queryParam("idNumber", idNumber).queryParam("scenario", "HIGH_CONSUMPTION")
                .queryParam("purpose", purpose);
        HttpHeaders headers = TestTokens.headers(token);
        return http.exchange(uri.build().encode().toUri(), HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private List<JsonNode> records(UUID listingId, String what) {
        return jdbc.sql("SELECT payload FROM outbox WHERE event_type = :type AND listing_id = :id ORDER BY id")
                .param("type", EventTypes.PERSONAL_DATA_READ).param("id", listingId).query(String.class).list()
                .stream().map(PersonalDataReadsIT::data)
                .filter(d -> what == null || what.equals(d.path("what").asText())).toList();
    }

    private static JsonNode data(String payload) {
        try {
            return JSON.readTree(payload).path("data");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
