package io.creditloop.repair.supervision;

import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.repair.decision.DecisionService;
import io.creditloop.repair.listing.ListingRef;
import io.creditloop.repair.listing.ListingRefs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * R15 (001 §20; 004 §7(一)): anyone may report a red-listed subject's misconduct with evidence; the recognising
 * department verifies and re-decides (keep, or exit REVOKED through the decision event); the reporter and the subject
 * are told (stored notices). One transaction per step.
 */
@Service
public class SupervisionService {

    private static final Logger log = LoggerFactory.getLogger(SupervisionService.class);

    private final JdbcClient jdbc;
    private final ListingRefs listings;
    private final DecisionService decisions;
    private final Clock clock;

    public SupervisionService(JdbcClient jdbc, ListingRefs listings, DecisionService decisions, Clock clock) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.decisions = decisions;
        this.clock = clock;
    }

    public record Report(UUID listingId, String reporterName, String contact, String misconduct,
                         List<Map.Entry<String, String>> evidence) {
    }

    public record Details(@com.fasterxml.jackson.annotation.JsonUnwrapped SupervisionReport report,
                          List<Map<String, Object>> evidence, List<Map<String, Object>> notices) {
    }

    @Transactional
    public SupervisionReport report(Report r) {
        ListingRef listing = listings.findLocked(r.listingId())
                .orElseThrow(() -> new UnknownException("listing " + r.listingId() + " is not known"));
        if (!listing.red() || listing.exited()) {
            throw new SupervisionStateException("listing " + r.listingId()
                    + " is not a red listing in force (R15 concerns red-listed subjects)");
        }
        Instant now = now();
        SupervisionReport report = new SupervisionReport(UUID.randomUUID(), listing.listingId(),
                listing.recognisingDepartment(), r.reporterName(), r.contact(), r.misconduct(),
                SupervisionReport.Status.REPORTED, now, null, null, null, null);
        jdbc.sql("""
                        INSERT INTO supervision_report (id, listing_id, department, reporter_name, reporter_contact,
                            misconduct, status, reported_at)
                        VALUES (:id, :listingId, :department, :name, :contact, :misconduct, 'REPORTED', :now)""")
                .param("id", report.id()).param("listingId", report.listingId())
                .param("department", report.department()).param("name", report.reporterName())
                .param("contact", report.reporterContact()).param("misconduct", report.misconduct())
                .param("now", utc(now)).update();
        for (Map.Entry<String, String> e : r.evidence()) {
            jdbc.sql("""
                            INSERT INTO supervision_evidence (id, report_id, description, reference, added_at)
                            VALUES (:id, :reportId, :description, :reference, :now)""")
                    .param("id", UUID.randomUUID()).param("reportId", report.id()).param("description", e.getKey())
                    .param("reference", e.getValue()).param("now", utc(now)).update();
        }
        log.info("supervision report {} on red listing {} to {}", report.id(), listing.listingId(),
                listing.recognisingDepartment());
        return report;
    }

    /** The department's verification; exit publishes a REVOKED_EXIT decision. Both parties get a notice. */
    /** The department the report went to: the red listing's recognising department. */
    public Optional<String> department(UUID id) {
        return jdbc.sql("SELECT department FROM supervision_report WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }

    @Transactional
    public SupervisionReport verify(UUID id, boolean exit, String finding, String by) {
        SupervisionReport report = jdbc.sql("SELECT * FROM supervision_report WHERE id = :id FOR UPDATE")
                .param("id", id).query(SupervisionService::report).optional()
                .orElseThrow(() -> new UnknownException("report " + id + " is not known"));
        Instant now = now();
        UUID decision = null;
        if (exit && report.status() == SupervisionReport.Status.REPORTED) {
            decision = decisions.decide(report.listingId(), DecisionService.CaseKind.SUPERVISION, id,
                    DecisionKind.REVOKED_EXIT, report.department(), finding, now);
        }
        SupervisionReport verified = report.verify(exit, finding, by, now, decision);
        jdbc.sql("""
                        UPDATE supervision_report SET status = :status, finding = :finding, verified_by = :by,
                            verified_at = :now, decision_id = :decision WHERE id = :id""")
                .param("id", id).param("status", verified.status().name()).param("finding", finding)
                .param("by", by).param("now", utc(now)).param("decision", decision).update();
        for (boolean toReporter : new boolean[] {true, false}) {
            jdbc.sql("""
                            INSERT INTO supervision_notice (id, report_id, recipient, text, created_at)
                            VALUES (:id, :reportId, :recipient, :text, :now)""")
                    .param("id", UUID.randomUUID()).param("reportId", id)
                    .param("recipient", toReporter ? "REPORTER" : "SUBJECT")
                    .param("text", verified.notice(toReporter)).param("now", utc(now)).update();
        }
        log.info("supervision report {} verified: {}", id, verified.status());
        return verified;
    }

    @Transactional(readOnly = true)
    public Optional<Details> details(UUID id) {
        return jdbc.sql("SELECT * FROM supervision_report WHERE id = :id").param("id", id)
                .query(SupervisionService::report).optional()
                .map(r -> new Details(r,
                        jdbc.sql("SELECT description, reference FROM supervision_evidence WHERE report_id = :id "
                                + "ORDER BY added_at, id").param("id", id).query().listOfRows(),
                        jdbc.sql("SELECT recipient, text FROM supervision_notice WHERE report_id = :id "
                                + "ORDER BY recipient").param("id", id).query().listOfRows()));
    }

    private static SupervisionReport report(ResultSet rs, int row) throws SQLException {
        return new SupervisionReport(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
                rs.getString("department"), rs.getString("reporter_name"), rs.getString("reporter_contact"),
                rs.getString("misconduct"), SupervisionReport.Status.valueOf(rs.getString("status")),
                instant(rs, "reported_at"), rs.getString("finding"), rs.getString("verified_by"),
                instant(rs, "verified_at"), rs.getObject("decision_id", UUID.class));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static class UnknownException extends RuntimeException {
        public UnknownException(String message) {
            super(message);
        }
    }
}
