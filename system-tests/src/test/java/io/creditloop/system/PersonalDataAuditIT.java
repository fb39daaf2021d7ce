package io.creditloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.EventTypes;
import io.creditloop.testsupport.Identifiers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R16 through the gateway: every read of a natural person's unmasked data, by anyone, is in the credit office's
 * audit log with who, what and purpose: the recognising department reading its listing, the agencies given the
 * person in their tasks, an agency's credit check, the credit office reading the person's objection. The public
 * board (masked only) is not a read of personal data and is not in it; only the credit office searches the log.
 */
class PersonalDataAuditIT {

    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final List<String> TAX_BLACK_AGENCIES = List.of("finance", "market-regulation",
            "public-resource-trading");

    static Api gateway;
    static Api tax;
    static Api market;
    static Api office;
    static Agencies agencies;

    @BeforeAll
    static void suite() {
        Suite suite = Suite.get();
        Callers callers = new Callers(suite.gateway());
        gateway = callers.publicCaller();
        tax = callers.department("tax");
        market = callers.agency("market-regulation");
        office = callers.creditOffice();
        agencies = new Agencies(suite.kafka());
    }

    @AfterAll
    static void close() {
        agencies.close();
    }

    @Test
    @DisplayName("R16: a person's data read as the department, the agencies and the credit office is each in the "
            + "audit log with who, what and purpose; the public board is not; only the credit office searches it")
    void everyReadRegistered() {
        String idNumber = Identifiers.residentId();
        String name = "审计" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);

        // the tax bureau lists the person (R3) and tells them beforehand (R4): confirmed
        Map<String, Object> listing = new HashMap<>(Map.of("department", "tax", "listType", "TAX_MAJOR_VIOLATION",
                "subjectType", "PERSON", "name", name, "idNumber", idNumber, "reason", "偷税",
                "basis", "《中华人民共和国税收征收管理法》", "recognitionDate", "2026-11-20", "validity", "2年"));
        Api.Reply created = tax.post("/api/listings", listing);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listingId = created.json().get("id").asText();
        Api.Reply noticed = tax.post("/api/listings/" + listingId + "/notice", Map.of("noticeDate", "2026-11-21"));
        assertThat(noticed.json().get("status").asText()).as(noticed.body()).isEqualTo("CONFIRMED");

        // the department reads its listing (unmasked name), stating why
        Api.Reply read = tax.get("/api/listings/" + listingId + "?purpose=" + Api.query("核对列入信息"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains(name);

        // the agencies are given the person in their tasks (R8)
        assertThat(agencies.await(listingId, EventTypes.TASK_INITIATED, 3, ASYNC)).hasSize(3);

        // an agency checks the person's credit with a purpose (R9)
        JsonNode check = await("in the check read model").atMost(ASYNC).until(() -> market.get(
                "/api/sanction/credit-check?idNumber=" + idNumber + "&scenario=PUBLIC_BIDDING&purpose="
                        + Api.query("招投标资格审查")), r -> r.status() == 200 && r.json().path("listed").asBoolean())
                .json();
        assertThat(check.toString()).contains(masked).doesNotContain(idNumber);

        // the credit office reads the person's objection (the objector's name and contact)
        Api.Reply filed = await("repair knows the listing").atMost(ASYNC).until(() -> office.post(
                "/api/repair/objections", Map.of("listingId", listingId, "objectorKind", "SUBJECT",
                        "objectorName", name, "contact", "13900000000", "reason", "已补缴税款")),
                r -> r.status() == 201);
        String objectionId = filed.json().get("id").asText();
        Api.Reply objection = office.get("/api/repair/objections/" + objectionId + "?purpose="
                + Api.query("异议受理审查"));
        assertThat(objection.status()).isEqualTo(200);
        assertThat(objection.body()).contains(name);

        // the public reads the board: masked only, no read of personal data
        await("on the board").atMost(ASYNC).untilAsserted(() -> assertThat(
                gateway.get("/api/board?q=" + Api.query(idNumber)).body()).contains(listingId).contains(masked));

        // the credit office finds each read by the ID number
        String search = "/api/sharing/audit/personal-data-reads?size=100&idNumber=" + idNumber;
        List<JsonNode> reads = await("every read in the audit log").atMost(ASYNC).until(
                () -> items(office.get(search)), items -> has(items, "listing") && has(items, "credit-check")
                        && has(items, "objection") && items.stream().filter(i -> is(i, "task")).count() == 3);

        assertThat(reads).allSatisfy(r -> {
            assertThat(r.path("subjectKey").asText()).startsWith("ID:RESIDENT_ID:");
            assertThat(r.toString()).doesNotContain(idNumber).doesNotContain(name);
            assertThat(r.path("service").asText()).isNotEqualTo("publication-service");
        });
        JsonNode department = the(reads, "listing");
        assertThat(department.path("callerKind").asText()).isEqualTo("DEPARTMENT");
        assertThat(department.path("callerCode").asText()).isEqualTo("tax");
        assertThat(department.path("callerSubject").asText()).isEqualTo("dept-tax");
        assertThat(department.path("purpose").asText()).isEqualTo("核对列入信息");
        assertThat(department.path("maskedIdNumber").asText()).isEqualTo(masked);
        assertThat(department.path("requestId").asText()).as("the gateway's request id").isNotBlank();
        assertThat(reads.stream().filter(r -> is(r, "task")).map(r -> r.path("callerCode").asText()).toList())
                .containsExactlyInAnyOrderElementsOf(TAX_BLACK_AGENCIES);
        JsonNode checked = the(reads, "credit-check");
        assertThat(checked.path("callerKind").asText()).isEqualTo("AGENCY");
        assertThat(checked.path("callerCode").asText()).isEqualTo("market-regulation");
        assertThat(checked.path("callerSubject").asText()).isEqualTo("agency-market-regulation");
        assertThat(checked.path("purpose").asText()).isEqualTo("招投标资格审查");
        JsonNode reviewed = the(reads, "objection");
        assertThat(reviewed.path("callerKind").asText()).isEqualTo("CREDIT_OFFICE");
        assertThat(reviewed.path("resourceId").asText()).isEqualTo(objectionId);
        assertThat(reviewed.path("purpose").asText()).isEqualTo("异议受理审查");

        // the export holds the same reads, masked; the department and the agency may not search
        Api.Reply csv = office.get("/api/sharing/audit/personal-data-reads/export.csv?idNumber=" + idNumber);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(listingId).contains(objectionId).contains(masked).doesNotContain(idNumber);
        assertThat(tax.get(search).status()).isEqualTo(403);
        assertThat(market.get(search).status()).isEqualTo(403);
        assertThat(gateway.get(search).status()).isEqualTo(401);
    }

    private static List<JsonNode> items(Api.Reply reply) {
        List<JsonNode> items = new ArrayList<>();
        if (reply.status() == 200) {
            reply.json().path("items").forEach(items::add);
        }
        return items;
    }

    private static boolean is(JsonNode read, String what) {
        return what.equals(read.path("what").asText());
    }

    private static boolean has(List<JsonNode> reads, String what) {
        return reads.stream().anyMatch(r -> is(r, what));
    }

    private static JsonNode the(List<JsonNode> reads, String what) {
        List<JsonNode> found = reads.stream().filter(r -> is(r, what)).toList();
        assertThat(found).as(what).hasSize(1);
        return found.get(0);
    }
}
