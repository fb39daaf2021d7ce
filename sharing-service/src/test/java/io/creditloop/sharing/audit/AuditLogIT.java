package io.creditloop.sharing.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.audit.v1.PersonalDataRead;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.messaging.EventCodec;
import io.creditloop.security.Caller;
import io.creditloop.sharing.subject.Identifiers;
import io.creditloop.sharing.subject.PersonKeys;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** R16: the personal-data audit log: stored from the topic once per read, append-only, the credit office's only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.sharing.registry.follow-listing-events=true")
@DirtiesContext
class AuditLogIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LOG = "/api/sharing/audit/personal-data-reads";

    @Autowired
    TestRestTemplate http;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonKeys personKeys;
    @Autowired
    ListingEventsFixture events;

    @Test
    @DisplayName("R16: a read from the topic is stored once even if delivered twice, found by the person's ID number, "
            + "exported as CSV, masked only")
    void storedOnceSearchedAndExported() throws Exception {
        String id = Identifiers.idNumber();
        String masked = id.substring(0, 6) + "********" + id.substring(14);
        String key = personKeys.residentId(id);
        Envelope<PersonalDataRead> read = read(key, masked, "dept-" + UUID.randomUUID().toString().substring(0, 8));

        send(read);
        send(read);

        JsonNode page = await().atMost(WAIT).until(() -> search("idNumber=" + id).getBody(),
                p -> p.path("total").asLong() >= 1);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> search("idNumber=" + id).getBody()
                .path("total").asLong() == 1);
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("readId").asText()).isEqualTo(read.id());
        assertThat(item.path("callerKind").asText()).isEqualTo("DEPARTMENT");
        assertThat(item.path("callerCode").asText()).isEqualTo(read.data().callerCode());
        assertThat(item.path("what").asText()).isEqualTo("listing");
        assertThat(item.path("purpose").asText()).isEqualTo("核查异议");
        assertThat(item.path("subjectKey").asText()).isEqualTo(key);
        assertThat(item.path("maskedIdNumber").asText()).isEqualTo(masked);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_read WHERE read_id = ?", Long.class,
                UUID.fromString(read.id()))).isEqualTo(1);
        assertThat(search("callerCode=" + read.data().callerCode()).getBody().path("total").asLong()).isEqualTo(1);
        assertThat(search("idNumber=" + Identifiers.idNumber()).getBody().path("total").asLong()).isZero();

        ResponseEntity<String> csv = http.exchange(LOG + "/export.csv?idNumber=" + id, HttpMethod.GET,
                new HttpEntity<>(creditOffice()), String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getBody()).contains("read_at,caller_kind").contains(read.id()).contains(masked)
                .contains(read.data().callerCode()).doesNotContain(id);
    }

    @Test
    @DisplayName("R16: the audit log is append-only: UPDATE, DELETE and TRUNCATE are refused by the database")
    void appendOnly() throws Exception {
        Envelope<PersonalDataRead> read = read("ID:RESIDENT_ID:" + UUID.randomUUID(), null,
                "dept-" + UUID.randomUUID().toString().substring(0, 8));
        send(read);
        UUID readId = UUID.fromString(read.id());
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM personal_data_read WHERE read_id = ?", Long.class, readId) == 1);

        assertThatThrownBy(() -> jdbc.update("UPDATE personal_data_read SET purpose = 'x' WHERE read_id = ?", readId))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM personal_data_read WHERE read_id = ?", readId))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE personal_data_read"))
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT purpose FROM personal_data_read WHERE read_id = ?", String.class,
                readId)).isEqualTo("核查异议");
    }

    @Test
    @DisplayName("R11/R16: when a listing turns out erroneous, its reads keep who, when, what and why but lose the "
            + "masked ID number, also reads that arrive afterwards; nothing else may change")
    void erroneousListingBlanksMaskedNumber() throws Exception {
        String id = Identifiers.idNumber();
        String masked = id.substring(0, 6) + "********" + id.substring(14);
        Subject person = new Subject(personKeys.residentId(id), SubjectType.PERSON, "陈十三", null, "RESIDENT_ID", id,
                null);
        UUID listingId = UUID.randomUUID();
        Envelope<PersonalDataRead> before = read(person.key(), masked, "court", listingId);
        send(before);
        await().atMost(WAIT).until(() -> stored(before) != null);
        assertThat(stored(before)).isEqualTo(masked);

        events.send(events.confirmed(listingId, person, "拒不履行"));
        events.send(events.exited(listingId, 3, person, io.creditloop.contracts.listing.v1.ExitReason.ERRONEOUS));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM erroneous_listing WHERE listing_id = ?", Long.class, listingId) == 1);
        Envelope<PersonalDataRead> after = read(person.key(), masked, "court", listingId);
        send(after);
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM personal_data_read WHERE read_id = ?", Long.class,
                UUID.fromString(after.id())) == 1);

        assertThat(stored(before)).isNull();
        assertThat(stored(after)).isNull();
        assertThat(jdbc.queryForObject("SELECT caller_code || '/' || what || '/' || subject_key FROM personal_data_read"
                + " WHERE read_id = ?", String.class, UUID.fromString(before.id())))
                .isEqualTo("court/listing/" + person.key());
        // outside the erasure's transaction even blanking the number is refused
        assertThatThrownBy(() -> jdbc.update("UPDATE personal_data_read SET masked_id = NULL WHERE read_id = ?",
                UUID.fromString(before.id()))).rootCause().hasMessageContaining("append-only");
    }

    private String stored(Envelope<PersonalDataRead> read) {
        return jdbc.query("SELECT masked_id FROM personal_data_read WHERE read_id = ?",
                rs -> rs.next() ? (rs.getString(1) == null ? null : rs.getString(1)) : null,
                UUID.fromString(read.id()));
    }

    @Test
    @DisplayName("R16: only the credit office searches and exports the audit log; others get 403")
    void creditOfficeOnly() {
        for (String token : new String[]{TestTokens.agency("market-regulation"), TestTokens.department("tax")}) {
            assertThat(http.exchange(LOG, HttpMethod.GET, new HttpEntity<>(TestTokens.headers(token)), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.exchange(LOG + "/export.csv", HttpMethod.GET,
                    new HttpEntity<>(TestTokens.headers(token)), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        HttpHeaders none = new HttpHeaders();
        none.setBearerAuth("not-a-token");
        assertThat(http.exchange(LOG, HttpMethod.GET, new HttpEntity<>(none), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("R16: sharing's own subject query of a person is recorded (outbox, topic, log) with its purpose; an "
            + "organisation query and a refused query record nothing")
    void subjectQueryRecorded() {
        String agency = "agency-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Identifiers.idNumber();
        Subject person = new Subject(personKeys.residentId(id), SubjectType.PERSON, "孙八", null, "RESIDENT_ID", id,
                null);
        UUID listingId = UUID.randomUUID();
        events.send(events.confirmed(listingId, person, "拖欠农民工工资"));
        String uscc = Identifiers.uscc();
        Subject company = new Subject("USCC:" + uscc, SubjectType.ORGANISATION, "黄石审计测试有限公司", uscc, null, null,
                null);
        events.send(events.confirmed(UUID.randomUUID(), company, "虚开增值税专用发票"));
        HttpHeaders asAgency = TestTokens.headers(TestTokens.agency(agency, "li.keyuan"));

        await().atMost(WAIT).until(() -> http.exchange("/api/sharing/subjects?idNumber=" + id + "&purpose=招投标资格审查",
                HttpMethod.GET, new HttpEntity<>(asAgency), JsonNode.class).getBody(), a -> a.path("listings").size() == 1);
        await().atMost(WAIT).until(() -> http.exchange("/api/sharing/subjects?uscc=" + company.uscc(),
                HttpMethod.GET, new HttpEntity<>(asAgency), JsonNode.class).getBody(), a -> a.path("listings").size() == 1);
        assertThat(http.exchange("/api/sharing/subjects?idNumber=" + id + "&purpose=x", HttpMethod.GET,
                new HttpEntity<>(TestTokens.headers(TestTokens.department("tax"))), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode item = await().atMost(WAIT).until(() -> search("callerCode=" + agency).getBody(),
                p -> p.path("total").asLong() >= 1).path("items").get(0);
        assertThat(item.path("callerKind").asText()).isEqualTo("AGENCY");
        assertThat(item.path("callerSubject").asText()).isEqualTo("li.keyuan");
        assertThat(item.path("service").asText()).isEqualTo("sharing-service");
        assertThat(item.path("what").asText()).isEqualTo("subject-query");
        assertThat(item.path("listingId").asText()).isEqualTo(listingId.toString());
        assertThat(item.path("purpose").asText()).isEqualTo("招投标资格审查");
        assertThat(item.path("subjectKey").asText()).isEqualTo(person.key());
        // every read of this agency is of the person: the organisation query and the refused one left nothing
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_type = ? AND payload LIKE ?",
                Long.class, EventTypes.PERSONAL_DATA_READ, "%" + agency + "%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE payload LIKE ?", Long.class,
                "%" + id + "%")).isZero();
    }

    @Test
    @DisplayName("R16: reading a person received from upstream (unmasked name) is recorded; an organisation is not")
    void upstreamListingRead() throws Exception {
        String id = Identifiers.idNumber();
        String upstreamId = "(2025)鄂0102执" + UUID.randomUUID() + "号";
        java.util.Map<String, Object> court = new java.util.LinkedHashMap<>(java.util.Map.of("upstreamId", upstreamId,
                "listName", "失信被执行人名单", "kind", "黑", "subjectType", "自然人", "name", "褚十四", "idNumber", id));
        assertThat(http.postForEntity("/api/sharing/upstream/court/listings", court, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String uscc = Identifiers.uscc();
        String orgId = "(2025)鄂0102执" + UUID.randomUUID() + "号";
        assertThat(http.postForEntity("/api/sharing/upstream/court/listings", java.util.Map.of("upstreamId", orgId,
                "listName", "失信被执行人名单", "kind", "黑", "subjectType", "法人", "name", "黄石褚氏有限公司",
                "uscc", uscc), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders office = creditOffice();

        for (String upstream : new String[]{upstreamId, orgId}) {
            assertThat(http.exchange("/api/sharing/upstream/court/listings/{id}", HttpMethod.GET,
                    new HttpEntity<>(office), String.class, upstream).getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        java.util.List<String> records = jdbc.queryForList("SELECT payload FROM outbox WHERE event_type = ? AND"
                + " payload LIKE ?", String.class, EventTypes.PERSONAL_DATA_READ, "%upstream-listing%court:%");
        assertThat(records).filteredOn(p -> p.contains(upstreamId)).singleElement().satisfies(p -> assertThat(p)
                .contains(personKeys.residentId(id)).contains("\"callerKind\":\"CREDIT_OFFICE\"").doesNotContain(id));
        assertThat(records).noneMatch(p -> p.contains(orgId));
    }

    private Envelope<PersonalDataRead> read(String key, String masked, String department) {
        return read(key, masked, department, UUID.randomUUID());
    }

    private Envelope<PersonalDataRead> read(String key, String masked, String department, UUID listingId) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID readId = UUID.randomUUID();
        PersonalDataRead data = new PersonalDataRead(readId, at, "DEPARTMENT", department, department + "-system",
                "identification-service", "listing", listingId.toString(), listingId, key, masked,
                "核查异议", "req-1");
        return new Envelope<>(Envelope.SPEC_VERSION, readId.toString(), "/identification-service",
                EventTypes.PERSONAL_DATA_READ, at, key, Envelope.CONTENT_TYPE, data);
    }

    private void send(Envelope<PersonalDataRead> read) throws Exception {
        kafka.send(Topics.PERSONAL_DATA_READS, read.subject(), codec.encode(read)).get(10, TimeUnit.SECONDS);
    }

    private ResponseEntity<JsonNode> search(String query) {
        return http.exchange(LOG + "?" + query, HttpMethod.GET, new HttpEntity<>(creditOffice()), JsonNode.class);
    }

    private static HttpHeaders creditOffice() {
        return TestTokens.headers(TestTokens.forCaller(Caller.creditOffice("zhou.kezhang")));
    }
}
