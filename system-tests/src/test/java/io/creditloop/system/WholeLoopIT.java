package io.creditloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.EventTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R8, the whole joint-punishment loop through real servers: a department posts a black listing to the gateway,
 * identification confirms it, sanction initiates one task per enforcing agency of the list type, the agencies
 * answer on Kafka, sharing forwards it to the (simulated) city platform, publication shows it on the board; then
 * the exit propagates everywhere.
 */
class WholeLoopIT {

    private static final Logger log = LoggerFactory.getLogger(WholeLoopIT.class);
    private static final Duration ASYNC = Duration.ofSeconds(60);
    /** R9: the enforcing agencies seeded for TAX_MAJOR_VIOLATION in sanction-service. */
    private static final List<String> TAX_BLACK_AGENCIES = List.of("finance", "market-regulation",
            "public-resource-trading");

    static Suite suite;
    /** The public (no token) */
    static Api gateway;
    /** R16: the tax bureau's system, the courts' platform, the credit office: each with its own token */
    static Api tax;
    static Api court;
    static Api office;
    static Agencies agencies;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
        Callers callers = new Callers(suite.gateway());
        gateway = callers.publicCaller();
        tax = callers.department("tax");
        court = callers.agency("court");
        office = callers.creditOffice();
        agencies = new Agencies(suite.kafka());
        log.info("cold start of the suite: {} s, resident memory of the apps: {} MB", suite.coldStart().toSeconds(),
                suite.residentKilobytes() / 1024);
    }

    @AfterAll
    static void close() {
        agencies.close();
    }

    @Test
    @DisplayName("R8: listing -> tasks per agency -> respond/implement/feedback -> forward -> board -> exit lifts everything")
    void wholeLoop() {
        String name = "黄石" + UUID.randomUUID().toString().substring(0, 8) + "贸易有限公司";
        Api.Reply created = tax.post("/api/listings", Listings.taxBlack(name, "91420200MA4KLB7Q32"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listingId = created.json().get("id").asText();
        assertThat(created.json().get("status").asText()).isEqualTo("CONFIRMED");

        // initiate: exactly one task per configured agency, each on that agency's own topic
        List<Agencies.Task> tasks = agencies.await(listingId, EventTypes.TASK_INITIATED, 3, ASYNC);
        assertThat(tasks).extracting(Agencies.Task::agency).containsExactlyInAnyOrderElementsOf(TAX_BLACK_AGENCIES);
        awaitLoopState(listingId, "INITIATED");

        tasks.forEach(agencies::respond);
        awaitLoopState(listingId, "RESPONDED");
        tasks.forEach(agencies::implement);
        awaitLoopState(listingId, "IMPLEMENTED");
        tasks.forEach(agencies::feedback);
        JsonNode loop = awaitLoopState(listingId, "FED_BACK");
        assertThat(loop.get("tasks")).hasSize(3);

        // share: forwarded to the city platform, acknowledged
        await("forward delivered").atMost(ASYNC).untilAsserted(() -> {
            JsonNode forwards = office.get("/api/sharing/forwards?listingId=" + listingId).json();
            assertThat(forwards.findValuesAsText("state")).contains("DELIVERED");
            assertThat(forwards.findValuesAsText("platform")).contains("city");
        });
        assertThat(new Api(suite.url("simulator")).get("/platforms/city/records").body()).contains(listingId);

        // publish: on the public board
        await("on the board").atMost(ASYNC).untilAsserted(() ->
                assertThat(gateway.get("/api/board?q=" + Api.query(name)).body()).contains(listingId)
                        .contains("91420200MA4KLB7Q32"));

        // exit: measures lifted at every agency, board entry replaced by an announcement, exit forwarded
        Api.Reply exited = tax.delete("/api/listings/" + listingId + "?reason=REPAIRED");
        assertThat(exited.status()).as(exited.body()).isEqualTo(200);
        List<Agencies.Task> lifted = agencies.await(listingId, EventTypes.TASK_LIFTED, 3, ASYNC);
        assertThat(lifted).extracting(Agencies.Task::taskId)
                .containsExactlyInAnyOrderElementsOf(tasks.stream().map(Agencies.Task::taskId).toList());
        awaitLoopState(listingId, "LIFTED");
        await("off the board, announced").atMost(ASYNC).untilAsserted(() -> {
            assertThat(gateway.get("/api/board?q=" + Api.query(name)).body()).doesNotContain(listingId);
            assertThat(gateway.get("/api/board/announcements").body()).contains(listingId);
        });
        await("exit forwarded").atMost(ASYNC).untilAsserted(() -> {
            JsonNode forwards = office.get("/api/sharing/forwards?listingId=" + listingId).json();
            assertThat(forwards.toString()).contains("EXIT");
            assertThat(forwards.findValuesAsText("state")).containsOnly("DELIVERED");
        });
    }

    @Test
    @DisplayName("R3: a department's spreadsheet (Huangshi annex 1, CSV) goes through the gateway: good rows listed "
            + "and sanctioned, bad rows reported")
    void spreadsheetThroughTheGateway() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "名单类型,名称/姓名,统一社会信用代码,法定代表人,身份证号码,列入名单事由,认定部门,认定依据,认定日期,有效期\n"
                + "黑名单(重大税收违法案件),表格" + tag + "贸易有限公司,91420200MA4KLB7Q32,张三,,虚开增值税专用发票,市税务局,"
                + "《中华人民共和国税收征收管理法》,2026-11-2,2年\n"
                + "黑名单(重大税收违法案件),表格" + tag + "坏代码有限公司,91420200MA4KLB7Q33,李四,,虚开增值税专用发票,市税务局,"
                + "《中华人民共和国税收征收管理法》,2026-11-2,2年\n";

        Api.Reply accepted = tax.upload("/api/intake/uploads", "黑名单" + tag + ".csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("department", "tax"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String upload = "/api/intake/uploads/" + accepted.json().get("id").asText();
        JsonNode done = await("upload done").atMost(ASYNC).until(() -> tax.get(upload).json(),
                u -> u.get("state").asText().equals("DONE"));
        assertThat(done.get("accepted").asLong()).isEqualTo(1);
        assertThat(done.get("rejected").asLong()).isEqualTo(1);
        assertThat(tax.get(upload + "/rejections").body()).contains("统一社会信用代码");
        await("listed on the board").atMost(ASYNC).untilAsserted(() ->
                assertThat(gateway.get("/api/board?q=" + Api.query("表格" + tag)).body())
                        .contains("表格" + tag + "贸易有限公司").doesNotContain("坏代码"));
    }

    @Test
    @DisplayName("R5: a list made upstream (the courts' defaulter list), sent to sharing through the gateway, reaches "
            + "identification: a red listing of that subject is excluded")
    void upstreamBlackListExcludesRed() {
        String uscc = io.creditloop.testsupport.Identifiers.uscc();
        String caseNo = "(2026)鄂0202执" + UUID.randomUUID().toString().substring(0, 6) + "号";
        Api.Reply received = court.post("/api/sharing/upstream/court/listings", Map.of("upstreamId", caseNo,
                "listName", "失信被执行人名单", "kind", "BLACK", "subjectType", "ORGANISATION",
                "name", "黄石上游" + caseNo + "有限公司", "uscc", uscc, "authority", "黄石港区人民法院",
                "recognitionDate", "2026-10-12"));
        assertThat(received.status()).as(received.body()).isBetween(200, 202);

        // the upstream event travels sharing → Kafka → identification; until it has arrived a red listing goes into
        // publicity, afterwards it is excluded at once
        JsonNode red = await("red listing excluded").atMost(ASYNC).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Api.Reply submitted = tax.post("/api/listings", Listings.taxRed("黄石红名单" + caseNo + "有限公司", uscc));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            return submitted.json();
        }, listing -> listing.get("status").asText().equals("EXCLUDED"));
        assertThat(red.toString()).contains("失信被执行人名单");
    }

    @Test
    @DisplayName("R3/R16: bad input through the gateway gets a field-level 4xx, a caller without the right gets 401/403; nothing is written")
    void badInputIsRefused() {
        String name = "坏数据" + UUID.randomUUID().toString().substring(0, 8) + "有限公司";
        Api.Reply badUscc = tax.post("/api/listings", Listings.taxBlack(name, "91420200MA4KLB7Q33"));
        assertThat(badUscc.status()).isEqualTo(400);
        assertThat(badUscc.json().get("errors").findValuesAsText("field")).containsExactly("uscc");

        Map<String, Object> missing = new java.util.HashMap<>(Listings.taxBlack(name, "91420200MA4KLB7Q32"));
        missing.remove("basis");
        missing.put("listType", "NOT_IN_CATALOG");
        Api.Reply incomplete = tax.post("/api/listings", missing);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("basis", "listType");

        Api.Reply malformed = tax.postRaw("/api/listings", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);

        // R16: the public, a forged token and an agency are refused before anything is written
        assertThat(gateway.post("/api/listings", Listings.taxBlack(name, "91420200MA4KLB7Q32")).status())
                .isEqualTo(401);
        assertThat(new Api(suite.gateway(), "forged.token.value")
                .post("/api/listings", Listings.taxBlack(name, "91420200MA4KLB7Q32")).status()).isEqualTo(401);
        assertThat(court.post("/api/listings", Listings.taxBlack(name, "91420200MA4KLB7Q32")).status())
                .isEqualTo(403);

        assertThat(gateway.get("/api/board?q=" + Api.query(name)).body()).doesNotContain(name);
    }

    static JsonNode awaitLoopState(String listingId, String state) {
        JsonNode[] last = new JsonNode[1];
        await("loop " + state).atMost(ASYNC).untilAsserted(() -> {
            Api.Reply loop = tax.get("/api/sanction/listings/" + listingId + "/loop");
            assertThat(loop.status()).as(loop.body()).isEqualTo(200);
            last[0] = loop.json();
            assertThat(last[0].get("state").asText()).isEqualTo(state);
        });
        return last[0];
    }
}
