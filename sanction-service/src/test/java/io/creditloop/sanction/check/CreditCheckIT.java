package io.creditloop.sanction.check;

import io.creditloop.testsupport.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The real-time credit check over its read model, fed by the listing events like in production. */
class CreditCheckIT extends ServiceITSupport {

    private static final String CONSUMER = "sanction.check";

    @Autowired
    private ListingEventsFixture listings;
    @Autowired
    private Measures measures;
    @Autowired
    private SubjectKeys keys;

    /** A list type of this test alone, so the catalog's measures for it are exactly the ones set up here. */
    private ListType blackType;

    @BeforeEach
    void catalog() {
        String code = "CHECK_" + Listings.unique().toUpperCase(Locale.ROOT).replace('-', '_');
        blackType = new ListType(code, 1, "测试失信名单", ListKind.BLACK, "tax");
        publish(new Measure(code, "public-resource-trading", "RESTRICT_BIDDING", 1, "限制参与招标投标",
                "003 §11", List.of(Scenario.PUBLIC_BIDDING, Scenario.GOVERNMENT_PROCUREMENT), null, true, 5), false);
        publish(new Measure(code, "transport", "RESTRICT_FLIGHTS", 1, "限制乘坐飞机", "003 §13",
                List.of(Scenario.HIGH_CONSUMPTION), null, true, 3), false);
        // in the scenario, but withdrawn in its latest version: out of force
        Measure withdrawn = new Measure(code, "finance", "RESTRICT_FUNDS", 1, "限制财政资金", "003 §11",
                List.of(Scenario.PUBLIC_BIDDING), null, true, 5);
        publish(withdrawn, false);
        publish(new Measure(code, "finance", "RESTRICT_FUNDS", 2, "限制财政资金", "003 §11",
                List.of(Scenario.PUBLIC_BIDDING), null, true, 5), true);
    }

    private void publish(Measure m, boolean withdrawn) {
        assertThat(measures.insert(new MeasureVersion(m, withdrawn, Instant.now(), "test", null))).isTrue();
    }

    private ResponseEntity<JsonNode> check(Map<String, String> params, String agency, String user) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/sanction/credit-check");
        params.forEach(uri::queryParam);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        // R16: the agency and user who ask come from the token the gateway forwards
        headers.setBearerAuth(agency == null ? TestTokens.department("tax") : TestTokens.agency(agency, user));
        // encoded once here; a String URL would be taken as a template and encoded again
        return http.exchange(uri.build().encode().toUri(), HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private JsonNode checkOk(Map<String, String> params) {
        ResponseEntity<JsonNode> response = check(params, "public-resource-trading", "clerk-1");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void publishAndAwait(Envelope<?> event) {
        send(io.creditloop.contracts.Topics.LISTING_EVENTS, event.subject(), event);
        awaitHandled(CONSUMER, event);
    }

    private long registered(String subjectKey) {
        return jdbc.sql("SELECT count(*) FROM credit_check_register WHERE subject_key = :key")
                .param("key", subjectKey).query(Long.class).single();
    }

    private static List<String> measureCodes(JsonNode subject) {
        return subject.get("measures").findValuesAsText("measureCode");
    }

    /** A person with a real ID number and the key identification-service would give it. */
    private Subject person(String name, String idNumber) {
        return new Subject(keys.ofPerson("RESIDENT_ID", idNumber), SubjectType.PERSON, name, null, "RESIDENT_ID",
                idNumber, null);
    }

    private static Subject organisation(String name) {
        Subject s = Listings.newSubject();
        return new Subject(s.key(), s.type(), name, s.uscc(), null, null, s.legalRepresentative());
    }

    /** Three Chinese characters unlikely to meet another test's names. */
    private static String uniqueChars() {
        String pool = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥鹏鹤鸥鹭雁燕莺鹂梧桐";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            s.append(pool.charAt(ThreadLocalRandom.current().nextInt(pool.length())));
        }
        return s.toString();
    }

    @Test
    @DisplayName("R9: a confirmed black listing is shown with exactly the measures of the scenario, in force today")
    void blackListingWithScenarioMeasures() {
        Subject company = organisation("江阴" + uniqueChars() + "贸易有限公司");
        UUID listingId = UUID.randomUUID();
        publishAndAwait(listings.confirmed(listingId, blackType, company, "虚开增值税专用发票"));

        JsonNode bidding = checkOk(Map.of("uscc", company.uscc(), "scenario", "PUBLIC_BIDDING"));
        JsonNode flights = checkOk(Map.of("uscc", company.uscc().toLowerCase(Locale.ROOT),
                "scenario", "HIGH_CONSUMPTION"));
        JsonNode loans = checkOk(Map.of("uscc", company.uscc(), "scenario", "LOANS"));

        assertThat(bidding.get("listed").asBoolean()).isTrue();
        assertThat(bidding.get("checkedOn").asText()).isEqualTo(listings.today().toString());
        JsonNode subject = bidding.get("subjects").get(0);
        assertThat(bidding.get("subjects")).hasSize(1);
        assertThat(subject.get("subjectKey").asText()).isEqualTo(company.key());
        JsonNode listing = subject.get("listings").get(0);
        assertThat(listing.get("listingId").asText()).isEqualTo(listingId.toString());
        assertThat(listing.get("kind").asText()).isEqualTo("BLACK");
        assertThat(listing.get("listTypeCode").asText()).isEqualTo(blackType.code());
        assertThat(listing.get("department").asText()).isEqualTo("tax");
        assertThat(listing.get("validFrom").asText()).isEqualTo(listings.today().minusDays(30).toString());
        assertThat(measureCodes(subject)).containsExactly("RESTRICT_BIDDING");
        assertThat(subject.get("measures").get(0).get("legalBasis").asText()).isEqualTo("003 §11");
        assertThat(subject.get("measures").get(0).get("agencyCode").asText()).isEqualTo("public-resource-trading");
        assertThat(measureCodes(flights.get("subjects").get(0))).containsExactly("RESTRICT_FLIGHTS");
        assertThat(loans.get("subjects").get(0).get("listings")).hasSize(1);
        assertThat(measureCodes(loans.get("subjects").get(0))).isEmpty();
        // R16: organisations are not personal data: no register entry
        assertThat(registered(company.key())).isZero();
    }

    @Test
    @DisplayName("R9: the check's catalog is held in memory; an edit through another instance (straight into the "
            + "table) applies after the periodic reload, one through this instance at once")
    void catalogEditsReachTheCheck() {
        Subject company = organisation("大冶" + uniqueChars() + "建材有限公司");
        publishAndAwait(listings.confirmed(UUID.randomUUID(), blackType, company, "欠税"));
        assertThat(measureCodes(checkOk(Map.of("uscc", company.uscc(), "scenario", "LOANS")).get("subjects").get(0)))
                .isEmpty();

        // as another instance of the service would: the row only, no event in this JVM
        jdbc.sql("""
                        INSERT INTO measure_version (list_type_code, agency_code, measure_code, version, measure,
                        legal_basis, scenarios, confirmation_required, response_working_days, withdrawn, published_at,
                        published_by) VALUES (:code, 'financial-regulation', 'RAISE_LOAN_RATES', 1, '提高贷款利率',
                        '003 §15', ARRAY['LOANS'], true, 5, false, now(), 'elsewhere')""")
                .param("code", blackType.code()).update();
        eventually().until(() -> measureCodes(checkOk(Map.of("uscc", company.uscc(), "scenario", "LOANS"))
                .get("subjects").get(0)).contains("RAISE_LOAN_RATES"));

        publish(new Measure(blackType.code(), "financial-regulation", "RAISE_LOAN_RATES", 2, "提高贷款利率",
                "003 §15", List.of(Scenario.LOANS), null, true, 5), true);
        assertThat(measureCodes(checkOk(Map.of("uscc", company.uscc(), "scenario", "LOANS")).get("subjects").get(0)))
                .isEmpty();
    }

    @Test
    @DisplayName("R13/R11: an exit takes the listing out of the check; an erroneous one leaves no trace in the read model")
    void exits() {
        Subject repaired = organisation("江阴" + uniqueChars() + "建材有限公司");
        Subject erroneous = organisation("江阴" + uniqueChars() + "物流有限公司");
        UUID repairedListing = UUID.randomUUID();
        UUID erroneousListing = UUID.randomUUID();
        publishAndAwait(listings.confirmed(repairedListing, blackType, repaired, "欠税"));
        publishAndAwait(listings.confirmed(erroneousListing, blackType, erroneous, "欠税"));
        assertThat(checkOk(Map.of("uscc", repaired.uscc(), "scenario", "PUBLIC_BIDDING")).get("listed").asBoolean())
                .isTrue();

        publishAndAwait(listings.exited(repairedListing, 3, repaired, ExitReason.REPAIRED));
        publishAndAwait(listings.exited(erroneousListing, 3, erroneous, ExitReason.ERRONEOUS));

        JsonNode afterExit = checkOk(Map.of("uscc", repaired.uscc(), "scenario", "PUBLIC_BIDDING"));
        assertThat(afterExit.get("listed").asBoolean()).isFalse();
        assertThat(afterExit.get("subjects")).isEmpty();
        assertThat(checkOk(Map.of("uscc", erroneous.uscc(), "scenario", "PUBLIC_BIDDING")).get("listed").asBoolean())
                .isFalse();
        assertThat(jdbc.sql("SELECT status FROM credit_subject_listing WHERE listing_id = :id")
                .param("id", repairedListing).query(String.class).single()).isEqualTo("EXITED");
        assertThat(jdbc.sql("SELECT count(*) FROM credit_subject_listing WHERE listing_id = :id")
                .param("id", erroneousListing).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("R9: stale, duplicate and overtaken listing events change nothing in the check")
    void staleAndDuplicateEvents() {
        Subject exitedFirst = organisation("江阴" + uniqueChars() + "电子有限公司");
        UUID listingId = UUID.randomUUID();
        var confirmed = listings.confirmed(listingId, blackType, exitedFirst, "欠税");
        publishAndAwait(confirmed);
        publishAndAwait(listings.exited(listingId, 3, exitedFirst, ExitReason.EXPIRED));
        // the same event again, and an older version under a new event id: both dropped by the version guard
        listings.send(confirmed);
        publishAndAwait(listings.confirmed(listingId, blackType, exitedFirst, "欠税（旧）"));
        assertThat(checkOk(Map.of("uscc", exitedFirst.uscc(), "scenario", "PUBLIC_BIDDING")).get("listed")
                .asBoolean()).isFalse();

        // reordered: the exit (v3) arrives before the confirmation (v2) of another listing
        Subject reordered = organisation("江阴" + uniqueChars() + "化工有限公司");
        UUID other = UUID.randomUUID();
        publishAndAwait(listings.exited(other, 3, reordered, ExitReason.REVOKED));
        publishAndAwait(listings.confirmed(other, blackType, reordered, "欠税"));
        assertThat(checkOk(Map.of("uscc", reordered.uscc(), "scenario", "PUBLIC_BIDDING")).get("listed").asBoolean())
                .isFalse();
        assertThat(jdbc.sql("SELECT version FROM credit_subject_listing WHERE listing_id = :id")
                .param("id", listingId).query(Long.class).single()).isEqualTo(3L);
    }

    @Test
    @DisplayName("R16: a check by ID number is registered with who, when, scenario and a masked number, never shown whole")
    void personCheckRegistered() {
        String idNumber = ListingEventsFixture.residentId();
        Subject person = person("李" + uniqueChars(), idNumber);
        publishAndAwait(listings.confirmed(UUID.randomUUID(), blackType, person, "拒不履行"));
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);

        ResponseEntity<JsonNode> response = check(Map.of("idNumber", idNumber, "scenario", "HIGH_CONSUMPTION"),
                "transport", "clerk-9");
        String unlistedNumber = ListingEventsFixture.residentId();
        JsonNode unlisted = checkOk(Map.of("idNumber", unlistedNumber, "scenario", "LOANS"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode subject = response.getBody().get("subjects").get(0);
        assertThat(subject.get("subjectKey").asText()).isEqualTo(person.key());
        assertThat(subject.get("maskedIdNumber").asText()).isEqualTo(masked);
        assertThat(response.getBody().get("query").asText()).isEqualTo(masked);
        assertThat(measureCodes(subject)).containsExactly("RESTRICT_FLIGHTS");
        assertThat(response.getBody().toString()).doesNotContain(idNumber);
        assertThat(unlisted.get("listed").asBoolean()).isFalse();
        assertThat(unlisted.toString()).doesNotContain(unlistedNumber);

        Map<String, Object> entry = jdbc.sql("""
                        SELECT agency_code, user_id, scenario, queried_by, masked_id, result_count, checked_at
                        FROM credit_check_register WHERE subject_key = :key""")
                .param("key", person.key()).query().singleRow();
        assertThat(entry).containsEntry("agency_code", "transport").containsEntry("user_id", "clerk-9")
                .containsEntry("scenario", "HIGH_CONSUMPTION").containsEntry("queried_by", "ID_NUMBER")
                .containsEntry("masked_id", masked).containsEntry("result_count", 1);
        assertThat(registered(keys.ofPerson("RESIDENT_ID", unlistedNumber))).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM credit_check_register WHERE masked_id = :n OR subject_key LIKE :l")
                .param("n", idNumber).param("l", "%" + idNumber + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM credit_subject_listing WHERE masked_id = :n")
                .param("n", idNumber).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("R16: a name check that finds a person registers that person; one that finds an organisation does not")
    void nameCheckOfPersonRegistered() {
        String name = "王" + uniqueChars();
        Subject person = person(name, ListingEventsFixture.residentId());
        Subject company = organisation(name + "商行");
        publishAndAwait(listings.confirmed(UUID.randomUUID(), blackType, person, "拒不履行"));
        publishAndAwait(listings.confirmed(UUID.randomUUID(), blackType, company, "欠税"));

        JsonNode byPersonName = checkOk(Map.of("name", name, "scenario", "PUBLIC_BIDDING"));
        checkOk(Map.of("name", name + "商行", "scenario", "PUBLIC_BIDDING"));

        assertThat(byPersonName.get("subjects").findValuesAsText("subjectKey")).containsExactly(person.key());
        assertThat(registered(person.key())).isOne();
        assertThat(registered(company.key())).isZero();
    }

    @Test
    @DisplayName("names: exact by default; fuzzy by trigram similarity, homophone and pinyin (黄石: huangshi, hs)")
    void nameMatching() {
        String rest = uniqueChars();
        String name = "黄石" + rest + "贸易有限公司";
        Subject company = organisation(name);
        publishAndAwait(listings.confirmed(UUID.randomUUID(), blackType, company, "欠税"));
        NamePinyin pinyin = NamePinyin.of(name);

        List<String> found = new ArrayList<>();
        for (Map<String, String> query : List.of(
                Map.of("name", name),
                Map.of("name", "黄石" + rest + "贸易有限责任公司", "fuzzy", "true"),
                Map.of("name", "黄实" + rest + "贸易有限公司", "fuzzy", "true"),
                Map.of("name", rest + "贸易", "fuzzy", "true"),
                Map.of("name", pinyin.full(), "fuzzy", "true"),
                Map.of("name", pinyin.full().toUpperCase(Locale.ROOT), "fuzzy", "true"),
                Map.of("name", pinyin.initials(), "fuzzy", "true"))) {
            Map<String, String> params = new java.util.HashMap<>(query);
            params.put("scenario", "PUBLIC_BIDDING");
            JsonNode result = checkOk(params);
            found.add(String.valueOf(result.get("subjects").findValuesAsText("subjectKey").contains(company.key())));
        }
        JsonNode notExact = checkOk(Map.of("name", "黄石" + rest + "贸易", "scenario", "PUBLIC_BIDDING"));

        assertThat(found).containsOnly("true").hasSize(7);
        assertThat(pinyin.full()).startsWith("huangshi");
        assertThat(pinyin.initials()).startsWith("hs");
        assertThat(notExact.get("subjects").findValuesAsText("subjectKey")).doesNotContain(company.key());
    }

    @Test
    @DisplayName("bad parameters are a 400 problem naming every field, without echoing an ID number")
    void badParameters() {
        String wrongCheck = "110105194912310021";
        ResponseEntity<JsonNode> none = check(Map.of("scenario", "PUBLIC_BIDDING"), "bank", "u1");
        ResponseEntity<JsonNode> wrongId = check(Map.of("idNumber", wrongCheck, "scenario", "NOT_A_SCENARIO"),
                "bank", "u1");
        ResponseEntity<JsonNode> fuzzyUscc = check(Map.of("uscc", "91350100M000100Y43", "scenario", "LOANS",
                "fuzzy", "true"), "bank", "u1");

        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(none.getBody().get("errors").findValuesAsText("field")).containsExactly("uscc|idNumber|name");
        assertThat(wrongId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongId.getBody().get("errors").findValuesAsText("field"))
                .containsExactly("idNumber", "scenario");
        assertThat(wrongId.getBody().toString()).doesNotContain(wrongCheck);
        assertThat(fuzzyUscc.getBody().get("errors").findValuesAsText("field")).containsExactly("fuzzy");
        assertThat(jdbc.sql("SELECT count(*) FROM credit_check_register WHERE user_id = 'u1'")
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("R16: a department, or a request without a token, may not check; nothing is registered")
    void onlyAgenciesAndTheCreditOfficeCheck() {
        Map<String, String> params = Map.of("idNumber", "110105194912310020", "scenario", "PUBLIC_BIDDING");
        assertThat(check(params, null, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/sanction/credit-check");
        params.forEach(uri::queryParam);
        HttpHeaders forged = new HttpHeaders();
        forged.set("X-Agency", "bank");
        forged.set("X-User", "u2");
        forged.setBearerAuth("not-a-token");
        assertThat(http.exchange(uri.build().encode().toUri(), HttpMethod.GET, new HttpEntity<>(forged),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.sql("SELECT count(*) FROM credit_check_register WHERE agency_code = 'tax' OR user_id = 'u2'")
                .query(Long.class).single()).isZero();
    }
}
