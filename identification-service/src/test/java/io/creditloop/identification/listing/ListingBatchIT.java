package io.creditloop.identification.listing;

import io.creditloop.testsupport.Identifiers;
import io.creditloop.identification.subject.Uscc;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ListingService#submitAll} (the intake's chunked write path) must leave exactly what {@link ListingService#submit}
 * leaves one submission at a time: the same states, the same history, the same outgoing events, the same refusals.
 * The same scenario runs both ways on fresh subjects and the outcomes are compared field by field.
 */
@SpringBootTest(properties = "creditloop.identification.lifecycle-enabled=false")
class ListingBatchIT {

    @Autowired
    ListingService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    @DisplayName("issue 9: the service's connections are named after it and send batched INSERTs (the intake's chunks "
            + "of rows) as multi-row INSERTs, whose counts are SUCCESS_NO_INFO")
    void connectionsRewriteBatchesAndNameTheService() throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            java.sql.ResultSet name = statement.executeQuery("SELECT current_setting('application_name')");
            name.next();
            assertThat(name.getString(1)).isEqualTo("identification-service");
            statement.execute("CREATE TEMPORARY TABLE rewritten (n INT)");
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO rewritten (n) VALUES (?)")) {
                for (int n = 0; n < 4; n++) {
                    insert.setInt(1, n);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsOnly(java.sql.Statement.SUCCESS_NO_INFO);
            } finally {
                statement.execute("DROP TABLE rewritten");
            }
        }
    }

    /** What one submission came to, with everything that names the subject left out. */
    record Outcome(boolean created, List<String> refusedFields, String status, long version, List<String> history,
                   long confirmedEvents, long exitedEvents, int sameListingAs) {
    }

    @Test
    @DisplayName("R3/R4/R5/R13: a batch gives each submission the outcome it gets alone — confirmation, publicity, "
            + "prior notice, exclusion of a red listing of a black-listed subject, repeats and refusals")
    void batchEqualsOneByOne() {
        List<Outcome> oneByOne = run(batch -> batch.stream().map(s -> {
            try {
                ListingService.Submitted submitted = service.submit(s);
                return new ListingService.BatchResult(submitted.listing().id(), submitted.created(), List.of());
            } catch (InvalidListingException e) {
                return new ListingService.BatchResult(null, false, e.problems());
            }
        }).toList());
        List<Outcome> batched = run(service::submitAll);

        assertThat(batched).containsExactlyElementsOf(oneByOne);
        // and the scenario exercises what it claims to
        assertThat(batched).extracting(Outcome::status).contains("CONFIRMED", "IN_PUBLICITY", "RECORDED", "EXCLUDED");
        assertThat(batched).extracting(Outcome::created).contains(true, false);
        assertThat(batched.get(batched.size() - 1).refusedFields()).containsExactly("uscc");
    }

    @Test
    @DisplayName("R4/R13: a black listing confirmed in a batch removes the subject's confirmed red listing, as it does "
            + "alone")
    void blackInBatchSupersedesRed() {
        String uscc = Identifiers.uscc();
        UUID red = confirmedRed(uscc);

        List<ListingService.BatchResult> results = service.submitAll(List.of(
                black("b-" + UUID.randomUUID(), uscc), black("b-" + UUID.randomUUID(), Identifiers.uscc())));

        assertThat(results).allSatisfy(r -> assertThat(r.created()).isTrue());
        assertThat(service.find(red).orElseThrow().status()).isEqualTo(ListingStatus.EXITED);
        assertThat(service.find(red).orElseThrow().exitReason())
                .isEqualTo(io.creditloop.contracts.listing.v1.ExitReason.REVOKED);
    }

    /** Runs one scenario on fresh subjects through {@code submit} and returns the outcomes in order. */
    private List<Outcome> run(Function<List<ListingSubmission>, List<ListingService.BatchResult>> submit) {
        String blackListed = Identifiers.uscc();
        service.submit(black("pre-" + UUID.randomUUID(), blackListed));
        String earlierSubmission = "earlier-" + UUID.randomUUID();
        service.submit(black(earlierSubmission, Identifiers.uscc()));
        String twice = Identifiers.uscc();
        String repeated = "rep-" + UUID.randomUUID();

        List<ListingSubmission> batch = new ArrayList<>();
        batch.add(black("a-" + UUID.randomUUID(), Identifiers.uscc()));                 // new subject, confirmed at once
        batch.add(red("a-" + UUID.randomUUID(), Identifiers.uscc()));                   // R5: into publicity
        batch.add(blackPerson("a-" + UUID.randomUUID()));                       // R4: waits for the prior notice
        batch.add(red("a-" + UUID.randomUUID(), blackListed));                 // R5: excluded, subject is black
        batch.add(black("a-" + UUID.randomUUID(), twice));                     // the same subject twice in the batch:
        batch.add(red("a-" + UUID.randomUUID(), twice));                       // ... the red one is excluded
        batch.add(black(repeated, Identifiers.uscc()));                                 // a repeat within the batch
        batch.add(black(repeated, Identifiers.uscc()));
        batch.add(black(earlierSubmission, Identifiers.uscc()));                        // a repeat of an earlier call
        batch.add(black("a-" + UUID.randomUUID(), Identifiers.usccWithWrongCheck()));    // R3: wrong check character

        List<ListingService.BatchResult> results = submit.apply(batch);
        List<UUID> ids = results.stream().map(ListingService.BatchResult::listingId).toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (ListingService.BatchResult r : results) {
            if (r.refused()) {
                outcomes.add(new Outcome(false, r.problems().stream().map(FieldProblem::field).toList(), null, 0,
                        List.of(), 0, 0, -1));
                continue;
            }
            Listing listing = service.find(r.listingId()).orElseThrow();
            outcomes.add(new Outcome(r.created(), List.of(), listing.status().name(), listing.version(),
                    jdbc.sql("SELECT type FROM listing_event WHERE listing_id = :id ORDER BY version")
                            .param("id", listing.id()).query(String.class).list(),
                    outbox(listing, "listing.confirmed"), outbox(listing, "listing.exited"), ids.indexOf(r.listingId())));
        }
        return outcomes;
    }

    private long outbox(Listing listing, String type) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE payload LIKE :id AND event_type LIKE :type")
                .param("id", "%" + listing.id() + "%").param("type", "%" + type + "%").query(Long.class).single();
    }

    private UUID confirmedRed(String uscc) {
        Listing red = service.submit(red("red-" + UUID.randomUUID(), uscc)).listing();
        // publicity ended (moved into the past): the scheduler's step confirms it
        jdbc.sql("UPDATE listing SET publicity_ends_on = DATE '2000-01-01' WHERE id = :id").param("id", red.id())
                .update();
        assertThat(service.publicityEnded(red.id())).isTrue();
        assertThat(service.find(red.id()).orElseThrow().status()).isEqualTo(ListingStatus.CONFIRMED);
        return red.id();
    }

    private static ListingSubmission black(String submissionId, String uscc) {
        return ListingSubmission.of(submissionId, "tax", "TAX_MAJOR_VIOLATION", "ORGANISATION", "批量测试有限公司",
                uscc, null, null, "张三", "虚开增值税专用发票", "《重大税收违法失信案件信息公布办法》", "2026-11-02",
                "3年");
    }

    private static ListingSubmission red(String submissionId, String uscc) {
        return ListingSubmission.of(submissionId, "tax", "TAX_A_GRADE", "ORGANISATION", "批量测试红名单有限公司", uscc,
                null, null, "李四", "纳税信用A级", "《纳税信用管理办法》", "2026-11-02", "1年");
    }

    private ListingSubmission blackPerson(String submissionId) {
        return new ListingSubmission(submissionId, "tax", "TAX_MAJOR_VIOLATION", "PERSON", "王五", null, "身份证",
                Identifiers.residentId(), null, "偷税", "《重大税收违法失信案件信息公布办法》", "2026-11-02", "3年", null, null, null,
                null, null);
    }

}
