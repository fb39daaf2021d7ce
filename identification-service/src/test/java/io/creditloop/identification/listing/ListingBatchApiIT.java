package io.creditloop.identification.listing;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.EventTypes;
import io.creditloop.testsupport.Identifiers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/listings/batch} stores a call's accepted listings in one transaction (issue 9): every valid listing
 * exactly once with its history and its event, every refused one not at all, and after a failure of that transaction
 * nothing of it, the call then storing its listings one by one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.identification.lifecycle-enabled=false")
class ListingBatchApiIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ListingService service;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    @DisplayName("R3/R4: a batch with refused listings among valid ones stores each valid listing once with its "
            + "history and listing.confirmed event, refuses the others with their reasons, and a retry adds nothing")
    void refusedAmongValid() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> listings = new ArrayList<>();
        listings.add(ListingApiIT.body("批次甲" + tag, Identifiers.uscc(), tag + "-1"));
        listings.add(ListingApiIT.body("批次乙" + tag, Identifiers.usccWithWrongCheck(), tag + "-2")); // R3: check char
        listings.add(ListingApiIT.body("批次丙" + tag, Identifiers.uscc(), tag + "-3"));
        listings.add(null);                                                                  // an empty listing
        listings.add(ListingApiIT.body("批次丙" + tag, Identifiers.uscc(), tag + "-3"));      // repeat within the call
        Map<String, Object> noReason = ListingApiIT.body("批次丁" + tag, Identifiers.uscc(), tag + "-4");
        noReason.remove("reason");
        listings.add(noReason);
        listings.add(ListingApiIT.body("批次戊" + tag, Identifiers.uscc(), null));           // no submission id
        Map<String, Object> batch = new java.util.HashMap<>();
        batch.put("listings", listings);

        JsonNode first = http.postForObject("/api/listings/batch", batch, JsonNode.class);

        assertThat(outcomes(first)).containsExactly("CREATED", "REJECTED", "CREATED", "REJECTED", "DUPLICATE",
                "REJECTED", "CREATED");
        assertThat(first.get("created").asInt()).isEqualTo(3);
        assertThat(first.get("duplicates").asInt()).isEqualTo(1);
        assertThat(first.get("rejected").asInt()).isEqualTo(3);
        assertThat(first.at("/results/1/errors").findValuesAsText("field")).containsExactly("uscc");
        assertThat(first.at("/results/3/errors/0/field").asText()).isEqualTo("listings[3]");
        assertThat(first.at("/results/5/errors").findValuesAsText("field")).containsExactly("reason");
        assertThat(first.at("/results/4/id")).isEqualTo(first.at("/results/2/id"));
        for (int i : new int[] {0, 2, 6}) {
            assertStoredOnce(UUID.fromString(first.at("/results/" + i + "/id").asText()));
        }
        assertThat(countByName("批次乙" + tag) + countByName("批次丁" + tag)).isZero();

        JsonNode retry = http.postForObject("/api/listings/batch", batch, JsonNode.class);

        // the listing without a submission id cannot be recognised as a repeat: it is a new listing (R3)
        assertThat(outcomes(retry)).containsExactly("DUPLICATE", "REJECTED", "DUPLICATE", "REJECTED", "DUPLICATE",
                "REJECTED", "CREATED");
        assertThat(retry.at("/results/0/id")).isEqualTo(first.at("/results/0/id"));
        assertThat(retry.at("/results/2/id")).isEqualTo(first.at("/results/2/id"));
        assertThat(countByName("批次甲" + tag)).isEqualTo(1);
        assertThat(countByName("批次丙" + tag)).isEqualTo(1);
        assertStoredOnce(UUID.fromString(first.at("/results/0/id").asText()));
        assertStoredOnce(UUID.fromString(first.at("/results/2/id").asText()));
    }

    @Test
    @DisplayName("R3: when another call commits one of the batch's submission ids while the batch is written, the "
            + "batch's transaction leaves nothing and its listings are stored one by one, each exactly once")
    void raceFallsBackToOneByOne() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String raced = tag + "-raced";
        CountDownLatch othersWritten = new CountDownLatch(1);
        CountDownLatch commitOthers = new CountDownLatch(1);
        // another call with the same submission id (another subject: its lock does not hold the batch back) writes
        // first and commits only once the batch is waiting on that submission id's index entry
        CompletableFuture<UUID> other = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
                .execute(status -> {
                    UUID id = service.submit(ListingSubmission.of(raced, "tax", "TAX_MAJOR_VIOLATION", "ORGANISATION",
                            "竞争" + tag, Identifiers.uscc(), null, null, "张三", "虚开增值税专用发票",
                            "《中华人民共和国税收征收管理法》", "2025-4-20", "2年")).listing().id();
                    othersWritten.countDown();
                    block(commitOthers);
                    return id;
                }));
        assertThat(othersWritten.await(20, TimeUnit.SECONDS)).isTrue();

        Map<String, Object> batch = Map.of("listings", List.of(
                ListingApiIT.body("竞争甲" + tag, Identifiers.uscc(), tag + "-1"),
                ListingApiIT.body("竞争乙" + tag, Identifiers.uscc(), raced),
                ListingApiIT.body("竞争丙" + tag, Identifiers.uscc(), tag + "-3")));
        CompletableFuture<ResponseEntity<JsonNode>> call = CompletableFuture.supplyAsync(
                () -> http.postForEntity("/api/listings/batch", batch, JsonNode.class));
        // the batch's COPY into listing waits for the other transaction's entry of the same submission id
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'COPY listing %'""")
                .query(Long.class).single() == 1);
        commitOthers.countDown();
        UUID otherId = other.get(20, TimeUnit.SECONDS);
        ResponseEntity<JsonNode> response = call.get(30, TimeUnit.SECONDS);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = response.getBody();
        assertThat(outcomes(result)).containsExactly("CREATED", "DUPLICATE", "CREATED");
        assertThat(result.at("/results/1/id").asText()).isEqualTo(otherId.toString());
        assertThat(countByName("竞争乙" + tag)).isZero();
        assertThat(countByName("竞争甲" + tag)).isEqualTo(1);
        assertThat(countByName("竞争丙" + tag)).isEqualTo(1);
        assertStoredOnce(UUID.fromString(result.at("/results/0/id").asText()));
        assertStoredOnce(UUID.fromString(result.at("/results/2/id").asText()));
        assertStoredOnce(otherId);
    }

    /** One confirmed listing: its row, its two history entries (RECORDED, CONFIRMED), one listing.confirmed event. */
    private void assertStoredOnce(UUID id) {
        assertThat(jdbc.sql("SELECT count(*) FROM listing WHERE id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT type FROM listing_event WHERE listing_id = :id ORDER BY version")
                .param("id", id).query(String.class).list()).containsExactly("RECORDED", "CONFIRMED");
        assertThat(jdbc.sql("SELECT event_type FROM outbox WHERE listing_id = :id").param("id", id)
                .query(String.class).list()).containsExactly(EventTypes.LISTING_CONFIRMED);
    }

    private static List<String> outcomes(JsonNode batchResult) {
        List<String> outcomes = new ArrayList<>();
        batchResult.get("results").forEach(item -> outcomes.add(item.get("outcome").asText()));
        return outcomes;
    }

    private long countByName(String name) {
        return jdbc.sql("SELECT count(*) FROM listing WHERE subject_name = :name").param("name", name)
                .query(Long.class).single();
    }

    private static void block(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
