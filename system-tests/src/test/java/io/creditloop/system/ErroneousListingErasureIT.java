package io.creditloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.EventTypes;
import io.creditloop.testsupport.Identifiers;
import io.creditloop.testsupport.PersonalDataScan;
import io.creditloop.testsupport.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R10, R11 (001 §19) through real servers: a natural person wrongly put on a black list objects, the department finds
 * the listing erroneous and the credit office upholds it; once every service has handled the erroneous exit, none of
 * the five schemas holds the person's name or ID number (whole, or masked as the board showed it), and the board's
 * search, feeds and exports no longer return it. The agencies were still told to lift their measures (R13).
 */
class ErroneousListingErasureIT {

    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final List<String> SCHEMAS = List.of("identification", "sharing", "sanction", "repair",
            "publication");

    static Suite suite;
    /** The public (the board), the recognising department, the credit office (R16: callers with their tokens). */
    static Api gateway;
    static Api tax;
    static Api office;
    static Agencies agencies;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
        Callers callers = new Callers(suite.gateway());
        gateway = callers.publicCaller();
        tax = callers.department("tax");
        office = callers.creditOffice();
        agencies = new Agencies(suite.kafka());
    }

    @AfterAll
    static void close() {
        agencies.close();
    }

    @Test
    @DisplayName("R11: an objection upheld for an erroneous black listing of a person leaves no personal data of it in "
            + "any service's database or on the public board")
    void upheldObjectionErasesThePersonEverywhere() {
        String idNumber = Identifiers.residentId();
        String name = "错删" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        List<String> needles = List.of(name, idNumber, masked);

        // a department lists the person (R3), tells them beforehand (R4): confirmed
        Map<String, Object> listing = new HashMap<>(Map.of("department", "tax", "listType", "TAX_MAJOR_VIOLATION",
                "subjectType", "PERSON", "name", name, "idNumber", idNumber, "reason", "偷税（" + name + "）",
                "basis", "《中华人民共和国税收征收管理法》", "recognitionDate", "2026-11-20", "validity", "2年"));
        Api.Reply created = tax.post("/api/listings", listing);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listingId = created.json().get("id").asText();
        Api.Reply noticed = tax.post("/api/listings/" + listingId + "/notice", Map.of("noticeDate", "2026-11-21"));
        assertThat(noticed.json().get("status").asText()).as(noticed.body()).isEqualTo("CONFIRMED");

        // it reaches sanction (tasks answered), sharing (forwarded), publication (on the board, masked)
        List<Agencies.Task> tasks = agencies.await(listingId, EventTypes.TASK_INITIATED, 3, ASYNC);
        tasks.forEach(agencies::respond);
        await("forwarded").atMost(ASYNC).untilAsserted(() -> assertThat(
                office.get("/api/sharing/forwards?listingId=" + listingId).json().findValuesAsText("state"))
                .isNotEmpty().containsOnly("DELIVERED"));
        await("on the board").atMost(ASYNC).untilAsserted(() -> assertThat(
                gateway.get("/api/board?q=" + Api.query(idNumber)).body()).contains(listingId).contains(masked));
        assertThat(PersonalDataScan.scan(db().jdbcUrl(), db().username(), db().password(), SCHEMAS, needles))
                .as("the scan finds the person while listed")
                .extracting(PersonalDataScan.Hit::schema).contains("identification", "sharing", "sanction",
                        "publication");

        // the subject objects with evidence (registered at the credit office's window: the public has no login yet);
        // the department accepts and finds it erroneous; the credit office upholds
        JsonNode objection = await("repair knows the listing").atMost(ASYNC).until(() -> office.post(
                "/api/repair/objections", Map.of("listingId", listingId, "objectorKind", "SUBJECT",
                        "objectorName", name, "contact", "身份证 " + idNumber,
                        "reason", "本人" + name + "已按期缴清税款，不应列入",
                        "evidence", List.of(Map.of("description", name + "的完税证明", "reference", "鄂税证" + idNumber)))),
                r -> r.status() == 201).json();
        String objectionPath = "/api/repair/objections/" + objection.get("id").asText();
        Api.Reply evidence = office.upload(objectionPath + "/evidence", "完税证明.csv",
                ("姓名,身份证号\n" + name + "," + idNumber + "\n").getBytes(StandardCharsets.UTF_8),
                Map.of("description", "完税证明扫描件"));
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
        assertThat(tax.post(objectionPath + "/acceptance", Map.of("by", "税务局王科长")).status()).isEqualTo(200);
        Api.Reply opinion = tax.post(objectionPath + "/opinion", Map.of("outcome", "ERRONEOUS",
                "opinion", "经核查" + name + "已缴清税款，认定有误", "by", "税务局王科长"));
        assertThat(opinion.status()).as(opinion.body()).isEqualTo(200);
        Api.Reply review = office.post(objectionPath + "/review", Map.of("approved", true, "by", "信用办李主任"));
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        assertThat(review.json().get("status").asText()).isEqualTo("DECIDED");

        // every service handles the erroneous exit: lifted at each agency, exit forwarded, off the board
        await("exited as erroneous").atMost(ASYNC).untilAsserted(() -> assertThat(
                tax.get("/api/listings/" + listingId).json().path("exitReason").asText()).isEqualTo("ERRONEOUS"));
        assertThat(agencies.await(listingId, EventTypes.TASK_LIFTED, 3, ASYNC)).hasSize(3);
        await("exit forwarded").atMost(ASYNC).untilAsserted(() -> {
            JsonNode forwards = office.get("/api/sharing/forwards?listingId=" + listingId).json();
            assertThat(forwards.findValuesAsText("action")).contains("EXIT");
            assertThat(forwards.findValuesAsText("state")).doesNotContain("PENDING");
        });

        // R11: nothing of the person remains in any schema
        await("erased everywhere").atMost(ASYNC).untilAsserted(() -> assertThat(
                PersonalDataScan.scan(db().jdbcUrl(), db().username(), db().password(), SCHEMAS, needles)).isEmpty());
        assertThat(PersonalDataScan.columnCount(db().jdbcUrl(), db().username(), db().password(), SCHEMAS))
                .as("the scan searched every schema's text columns").isGreaterThan(100);

        // nor on the public board: search, feeds, exports
        for (String q : List.of(name, idNumber)) {
            assertThat(gateway.get("/api/board?q=" + Api.query(q)).json().get("total").asLong()).isZero();
        }
        for (String output : List.of("/api/board/changes?after=0&limit=1000", "/api/board/feed.atom",
                "/api/board/export.csv", "/api/board/announcements", "/api/board/" + listingId)) {
            assertThat(gateway.get(output).body()).as(output).doesNotContain(name).doesNotContain(masked);
        }
        // the case stays as the record of the correction, masked
        JsonNode kept = office.get(objectionPath).json();
        assertThat(kept.get("status").asText()).isEqualTo("DECIDED");
        assertThat(kept.get("apology").get("text").asText()).contains("致歉").doesNotContain(name);
    }

    private static TestServers.Database db() {
        return suite.database();
    }
}
