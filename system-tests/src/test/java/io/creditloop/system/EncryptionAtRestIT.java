package io.creditloop.system;

import io.creditloop.contracts.EventTypes;
import io.creditloop.testsupport.Identifiers;
import io.creditloop.testsupport.PersonalDataScan;
import io.creditloop.testsupport.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8, data protection (R16): a natural person listed through the gateway reaches every service (tasks at the
 * agencies, forwards to the platforms, the board, repair), yet no table of any of the five schemas holds the person's
 * ID number in the clear: each service stores it encrypted (security's PersonalDataCipher) and finds it by keyed hash.
 * The department still reads it back whole through the API, and the agencies get it in their tasks.
 */
class EncryptionAtRestIT {

    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final List<String> SCHEMAS = List.of("identification", "sharing", "sanction", "repair",
            "publication");

    static Suite suite;
    static Api tax;
    static Api office;
    static Agencies agencies;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
        Callers callers = new Callers(suite.gateway());
        tax = callers.department("tax");
        office = callers.creditOffice();
        agencies = new Agencies(suite.kafka());
    }

    @AfterAll
    static void close() {
        agencies.close();
    }

    @Test
    @DisplayName("R16: a listed person's ID number is nowhere in the clear in any service's tables")
    void idNumbersAreEncryptedAtRest() {
        String idNumber = Identifiers.residentId();
        String name = "加密" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Map<String, Object> listing = new HashMap<>(Map.of("department", "tax", "listType", "TAX_MAJOR_VIOLATION",
                "subjectType", "PERSON", "name", name, "idNumber", idNumber, "reason", "偷税",
                "basis", "《中华人民共和国税收征收管理法》", "recognitionDate", "2026-11-20", "validity", "2年"));
        Api.Reply created = tax.post("/api/listings", listing);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listingId = created.json().get("id").asText();
        assertThat(tax.post("/api/listings/" + listingId + "/notice", Map.of("noticeDate", "2026-11-21"))
                .json().get("status").asText()).isEqualTo("CONFIRMED");

        List<Agencies.Task> tasks = agencies.await(listingId, EventTypes.TASK_INITIATED, 3, ASYNC);
        assertThat(tasks).isNotEmpty();
        await("forwarded").atMost(ASYNC).untilAsserted(() -> assertThat(
                office.get("/api/sharing/forwards?listingId=" + listingId).json().findValuesAsText("state"))
                .isNotEmpty().containsOnly("DELIVERED"));
        await("repair knows it").atMost(ASYNC).until(() -> office.post("/api/repair/objections",
                Map.of("listingId", listingId, "objectorKind", "SUBJECT", "objectorName", name,
                        "contact", "0714-1234567", "reason", "不应列入")).status() == 201);


        List<PersonalDataScan.Hit> clear = PersonalDataScan.scan(db().jdbcUrl(), db().username(), db().password(),
                SCHEMAS, List.of(idNumber));
        assertThat(clear).as("tables holding the ID number in the clear").isEmpty();
        assertThat(PersonalDataScan.scan(db().jdbcUrl(), db().username(), db().password(), SCHEMAS, List.of(name)))
                .as("the scan does reach the person's rows (by name)")
                .extracting(PersonalDataScan.Hit::schema).contains("identification", "sharing", "sanction", "repair");
    }

    private static TestServers.Database db() {
        return suite.database();
    }
}
