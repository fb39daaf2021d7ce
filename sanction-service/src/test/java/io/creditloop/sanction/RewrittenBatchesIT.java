package io.creditloop.sanction;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.sanction.check.CheckReadModel;
import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.Measures;
import io.creditloop.sanction.report.CaseListing;
import io.creditloop.sanction.report.CaseListings;
import io.creditloop.sanction.task.SanctionTask;
import io.creditloop.sanction.task.SanctionTasks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: the service's connections send a JDBC batch of INSERTs as multi-row INSERTs (MessagingDefaults). Such a
 * batch tells no row counts and may not upsert one key twice; these tests hold the batched writers of the listing
 * consumers to what one by one would have done.
 */
class RewrittenBatchesIT extends ServiceITSupport {

    @Autowired
    DataSource dataSource;
    @Autowired
    SanctionTasks tasks;
    @Autowired
    Measures measures;
    @Autowired
    CheckReadModel checkReadModel;
    @Autowired
    CaseListings caseListings;

    @Test
    @DisplayName("issue 9: a connection is named after the service and rewrites batched INSERTs (counts SUCCESS_NO_INFO)")
    void connectionsRewriteBatchesAndNameTheService() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("SELECT current_setting('application_name')");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("sanction-service");
            statement.execute("CREATE TEMPORARY TABLE rewritten (n INT)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rewritten (n) VALUES (?)")) {
                // four rows, sent as one INSERT of four (a batch is cut into INSERTs of 2^k rows; a last single row
                // would go alone and report its count)
                for (int n = 0; n < 4; n++) {
                    insert.setInt(1, n);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO);
            } finally {
                statement.execute("DROP TABLE rewritten");
            }
        }
    }

    @Test
    @DisplayName("R8: the tasks of a batch say which were stored: a task already there, or twice in the batch, is stored once")
    void insertAllTellsWhichTasksWereStored() {
        UUID listingId = UUID.randomUUID();
        String subjectKey = Listings.newSubject().key();
        List<Measure> catalog = measures.forListType(Listings.TAX_MAJOR_VIOLATION.code());
        assertThat(catalog).hasSizeGreaterThanOrEqualTo(2);
        Instant now = Instant.parse("2026-12-03T08:00:00.123456Z");
        LocalDate respondBy = LocalDate.of(2026, 12, 10);
        SanctionTask first = SanctionTask.initiate(UUID.randomUUID(), listingId, 2, subjectKey, catalog.get(0),
                respondBy, now);
        assertThat(tasks.insertAll(List.of(first))).containsExactly(true);

        SanctionTask again = SanctionTask.initiate(UUID.randomUUID(), listingId, 2, subjectKey, catalog.get(0),
                respondBy, now);
        SanctionTask second = SanctionTask.initiate(UUID.randomUUID(), listingId, 2, subjectKey, catalog.get(1),
                respondBy, now);
        SanctionTask secondTwice = SanctionTask.initiate(UUID.randomUUID(), listingId, 2, subjectKey, catalog.get(1),
                respondBy, now);
        SanctionTask nextVersion = SanctionTask.initiate(UUID.randomUUID(), listingId, 3, subjectKey, catalog.get(0),
                null, now);

        assertThat(tasks.insertAll(List.of(again, second, secondTwice, nextVersion)))
                .containsExactly(false, true, false, true);
        assertThat(tasks.forListing(listingId)).extracting(SanctionTask::taskId)
                .containsExactlyInAnyOrder(first.taskId(), second.taskId(), nextVersion.taskId());
        SanctionTask stored = tasks.find(first.taskId()).orElseThrow();
        assertThat(stored.initiatedAt()).isEqualTo(now);
        assertThat(stored.respondBy()).isEqualTo(respondBy);
        assertThat(stored.measureVersion()).isEqualTo(first.measureVersion());
        assertThat(stored.confirmationRequired()).isEqualTo(first.confirmationRequired());
        assertThat(tasks.find(nextVersion.taskId()).orElseThrow().respondBy()).isNull();
    }

    @Test
    @DisplayName("R10: a poll with a listing's confirmation and its correction leaves the corrected record in the credit check's read model")
    void checkReadModelTakesTwoVersionsOfOneListing() {
        Subject subject = Listings.newSubject();
        UUID listingId = UUID.randomUUID();
        Envelope<ListingConfirmed> confirmed = Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject);
        Subject renamed = new Subject(subject.key(), subject.type(), "江阴某某贸易有限公司（更正）", subject.uscc(), null,
                null, subject.legalRepresentative());
        Envelope<ListingCorrected> corrected = Listings.corrected(listingId, 3, Listings.TAX_MAJOR_VIOLATION, renamed);

        checkReadModel.applyAll(List.of(confirmed.data(), corrected.data()));

        Map<String, Object> row = jdbc.sql("SELECT version, name FROM credit_subject_listing WHERE listing_id = :id")
                .param("id", listingId).query().singleRow();
        assertThat(row).containsEntry("version", 3L).containsEntry("name", "江阴某某贸易有限公司（更正）");
    }

    @Test
    @DisplayName("R8: case listings of one batch with two versions of a listing, the newer first, keep the newer")
    void caseListingsTakeTwoVersionsOfOneListing() {
        Subject subject = Listings.newSubject();
        UUID listingId = UUID.randomUUID();
        ListingConfirmed confirmed = Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject).data();
        ListingCorrected corrected = Listings.corrected(listingId, 3, Listings.TAX_MAJOR_VIOLATION, subject).data();

        // as a poll may bring them: the correction, then the confirmation redelivered late
        caseListings.inForceAll(List.of(CaseListing.of(confirmed), CaseListing.of(corrected),
                CaseListing.of(confirmed)));

        Map<String, Object> row = jdbc.sql("SELECT version, reason FROM case_listing WHERE listing_id = :id")
                .param("id", listingId).query().singleRow();
        assertThat(row).containsEntry("version", 3L).containsEntry("reason", corrected.reason());
    }
}
