package io.creditloop.sanction.check.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.sanction.watch.SubjectKeys;
import io.creditloop.testsupport.ListingEventsFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.creditloop.testsupport.TestTokens;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** R16: the credit office reviews the register of person checks; ID numbers only ever masked. */
class CheckRegisterApiIT extends ServiceITSupport {

    // 2026-03-02 and 2026-03-04, mid-morning in Asia/Shanghai
    private static final Instant MONDAY = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-03-04T02:00:00Z");

    @Autowired
    private SubjectKeys keys;

    private final String agency = "audit-" + Listings.unique();
    private final String otherAgency = "audit-" + Listings.unique();

    private void checkPerson(String idNumber, String asAgency, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.agency(asAgency, user));
        ResponseEntity<JsonNode> response = http.exchange(UriComponentsBuilder.fromPath("/api/sanction/credit-check")
                        .queryParam("idNumber", idNumber).queryParam("scenario", "LOANS").build().encode().toUri(),
                HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<JsonNode> review(Map<String, Object> params) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/sanction/credit-check-register");
        params.forEach(uri::queryParam);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.creditOffice());
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(uri.build().encode().toUri(), HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private JsonNode reviewOk(Map<String, Object> params) {
        ResponseEntity<JsonNode> response = review(params);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static String masked(String idNumber) {
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }

    @Test
    @DisplayName("R16: only the credit office reads the register; an agency, even one that checked, is refused")
    void onlyTheCreditOffice() {
        checkPerson(ListingEventsFixture.residentId(), agency, "clerk-1");
        HttpHeaders headers = TestTokens.headers(TestTokens.agency(agency));
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        for (String path : List.of("/api/sanction/credit-check-register?agency=" + agency,
                "/api/sanction/credit-check-register/export.csv?agency=" + agency)) {
            assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode())
                    .as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    @DisplayName("R16: the register is reviewed by agency, period and subject (key or ID number), paged, newest "
            + "first, with masked numbers only")
    void reviewByAgencyPeriodAndSubject() {
        String first = ListingEventsFixture.residentId();
        String second = ListingEventsFixture.residentId();
        setClock(MONDAY);
        checkPerson(first, agency, "clerk-1");
        checkPerson(second, otherAgency, "clerk-2");
        setClock(WEDNESDAY);
        checkPerson(first, agency, "clerk-3");
        checkPerson(second, agency, "clerk-4");

        JsonNode all = reviewOk(Map.of("agency", agency));
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("entries").findValuesAsText("user")).containsExactly("clerk-4", "clerk-3", "clerk-1");
        JsonNode newest = all.get("entries").get(0);
        assertThat(newest.get("agency").asText()).isEqualTo(agency);
        assertThat(newest.get("scenario").asText()).isEqualTo("LOANS");
        assertThat(newest.get("queriedBy").asText()).isEqualTo("ID_NUMBER");
        assertThat(newest.get("subjectKey").asText()).isEqualTo(keys.ofPerson("RESIDENT_ID", second));
        assertThat(newest.get("maskedId").asText()).isEqualTo(masked(second));
        assertThat(newest.get("resultCount").asInt()).isZero();
        assertThat(Instant.parse(newest.get("checkedAt").asText())).isEqualTo(WEDNESDAY);

        JsonNode monday = reviewOk(Map.of("agency", agency, "from", "2026-03-02", "to", "2026-03-02"));
        assertThat(monday.get("entries").findValuesAsText("user")).containsExactly("clerk-1");
        JsonNode sinceTuesday = reviewOk(Map.of("agency", agency, "from", "2026-03-03"));
        assertThat(sinceTuesday.get("entries").findValuesAsText("user")).containsExactly("clerk-4", "clerk-3");

        JsonNode byKey = reviewOk(Map.of("subjectKey", keys.ofPerson("RESIDENT_ID", second)));
        assertThat(byKey.get("entries").findValuesAsText("user")).containsExactly("clerk-4", "clerk-2");
        JsonNode byNumber = reviewOk(Map.of("idNumber", second));
        assertThat(byNumber.get("entries")).isEqualTo(byKey.get("entries"));
        assertThat(byNumber.toString()).doesNotContain(second);

        JsonNode page0 = reviewOk(Map.of("agency", agency, "size", 2));
        JsonNode page1 = reviewOk(Map.of("agency", agency, "size", 2, "page", 1));
        assertThat(page0.get("entries").findValuesAsText("user")).containsExactly("clerk-4", "clerk-3");
        assertThat(page1.get("entries").findValuesAsText("user")).containsExactly("clerk-1");
        assertThat(page1.get("total").asLong()).isEqualTo(3);
        assertThat(all.toString()).doesNotContain(first).doesNotContain(second);
    }

    @Test
    @DisplayName("R16: the export is one CSV of the same entries, newest first, ID numbers masked")
    void exportCsv() {
        String idNumber = ListingEventsFixture.residentId();
        setClock(MONDAY);
        checkPerson(idNumber, agency, "clerk-1");
        setClock(WEDNESDAY);
        checkPerson(idNumber, agency, "@clerk-2");

        ResponseEntity<byte[]> response = http.getForEntity(
                "/api/sanction/credit-check-register/export.csv?agency={agency}", byte[].class, agency);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("credit-check-register.csv");
        String csv = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").doesNotContain(idNumber);
        List<String> lines = csv.substring(1).lines().toList();
        String key = keys.ofPerson("RESIDENT_ID", idNumber);
        assertThat(lines).containsExactly(CheckRegisterController.CSV_HEADER,
                WEDNESDAY + "," + agency + ",'@clerk-2,LOANS,ID_NUMBER," + key + "," + masked(idNumber) + ",0",
                MONDAY + "," + agency + ",clerk-1,LOANS,ID_NUMBER," + key + "," + masked(idNumber) + ",0");
    }

    @Test
    @DisplayName("R16: a reversed period, a bad page, a bad ID number or two subjects are a 400 problem naming the "
            + "fields, never echoing the number")
    void badParameters() {
        String badNumber = ListingEventsFixture.residentId().substring(0, 17) + "Z";

        ResponseEntity<JsonNode> reversed = review(Map.of("from", "2026-03-04", "to", "2026-03-02"));
        ResponseEntity<JsonNode> bothSubjects = review(Map.of("subjectKey", "USCC:x", "idNumber",
                ListingEventsFixture.residentId()));
        ResponseEntity<JsonNode> badId = review(Map.of("idNumber", badNumber));
        ResponseEntity<JsonNode> badPage = review(Map.of("size", 501, "page", -1));

        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reversed.getBody().get("errors").findValuesAsText("field")).containsExactly("to");
        assertThat(bothSubjects.getBody().get("errors").findValuesAsText("field"))
                .containsExactly("subjectKey|idNumber");
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody().get("errors").findValuesAsText("field")).containsExactly("idNumber");
        assertThat(badId.getBody().toString()).doesNotContain(badNumber);
        assertThat(badPage.getBody().get("errors").findValuesAsText("field")).containsExactly("page", "size");
    }
}
