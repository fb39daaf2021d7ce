package io.creditloop.repair.objection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Objections (table {@code objection}) and what hangs on them: evidence, alarms, apologies, benefit recoveries. */
@Repository
public class Objections {

    private final JdbcClient jdbc;

    public Objections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Objection o) {
        jdbc.sql("""
                        INSERT INTO objection (id, listing_id, recognising_department, objector_kind, objector_name,
                            contact, reason, status, filed_at)
                        VALUES (:id, :listingId, :department, :objectorKind, :objectorName, :contact, :reason, :status,
                            :filedAt)""")
                .param("id", o.id())
                .param("listingId", o.listingId())
                .param("department", o.recognisingDepartment())
                .param("objectorKind", o.objectorKind().name())
                .param("objectorName", o.objectorName())
                .param("contact", o.contact())
                .param("reason", o.reason())
                .param("status", o.status().name())
                .param("filedAt", utc(o.filedAt()))
                .update();
    }

    /** Writes every step's fields; the caller holds the row lock ({@link #findLocked}). */
    public void update(Objection o) {
        jdbc.sql("""
                        UPDATE objection SET status = :status, accepted_at = :acceptedAt, accepted_by = :acceptedBy,
                            due_date = :dueDate, opinion_outcome = :opinionOutcome, opinion = :opinion,
                            opinion_by = :opinionBy, opinion_at = :opinionAt, reply = :reply, replied_by = :repliedBy,
                            replied_at = :repliedAt, reviewed_by = :reviewedBy, reviewed_at = :reviewedAt,
                            decision_id = :decisionId, administrative_review = :adminReview,
                            administrative_review_at = :adminReviewAt
                        WHERE id = :id""")
                .param("id", o.id())
                .param("status", o.status().name())
                .param("acceptedAt", utc(o.acceptedAt()))
                .param("acceptedBy", o.acceptedBy())
                .param("dueDate", o.dueDate())
                .param("opinionOutcome", o.opinionOutcome() == null ? null : o.opinionOutcome().name())
                .param("opinion", o.opinion())
                .param("opinionBy", o.opinionBy())
                .param("opinionAt", utc(o.opinionAt()))
                .param("reply", o.reply())
                .param("repliedBy", o.repliedBy())
                .param("repliedAt", utc(o.repliedAt()))
                .param("reviewedBy", o.reviewedBy())
                .param("reviewedAt", utc(o.reviewedAt()))
                .param("decisionId", o.decisionId())
                .param("adminReview", o.administrativeReview())
                .param("adminReviewAt", utc(o.administrativeReviewAt()))
                .update();
    }

    public Optional<Objection> find(UUID id) {
        return jdbc.sql("SELECT * FROM objection WHERE id = :id")
                .param("id", id)
                .query(Objections::objection)
                .optional();
    }

    public Optional<Objection> findLocked(UUID id) {
        return jdbc.sql("SELECT * FROM objection WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Objections::objection)
                .optional();
    }

    /** Pending objections due on or before {@code day}: the candidates for a deadline alarm. */
    public List<Objection> pendingDueBy(LocalDate day) {
        return jdbc.sql("""
                        SELECT * FROM objection WHERE status IN ('ACCEPTED', 'OPINION_GIVEN') AND due_date <= :day
                        ORDER BY due_date, id""")
                .param("day", day)
                .query(Objections::objection)
                .list();
    }

    /** Records an alarm; false if this alarm was already raised for the objection (by any instance). */
    public boolean recordAlarm(UUID objectionId, VerificationDeadline.Alarm alarm, LocalDate due, LocalDate today,
                               Instant now) {
        return jdbc.sql("""
                        INSERT INTO objection_alarm (objection_id, alarm, due_date, raised_on, raised_at)
                        VALUES (:id, :alarm, :due, :today, :now) ON CONFLICT DO NOTHING""")
                .param("id", objectionId)
                .param("alarm", alarm.name())
                .param("due", due)
                .param("today", today)
                .param("now", utc(now))
                .update() == 1;
    }

    public List<AlarmRecord> alarms(UUID objectionId) {
        return jdbc.sql("SELECT alarm, due_date, raised_on FROM objection_alarm WHERE objection_id = :id ORDER BY raised_at")
                .param("id", objectionId)
                .query((rs, row) -> new AlarmRecord(VerificationDeadline.Alarm.valueOf(rs.getString("alarm")),
                        rs.getObject("due_date", LocalDate.class), rs.getObject("raised_on", LocalDate.class)))
                .list();
    }

    public record AlarmRecord(VerificationDeadline.Alarm alarm, LocalDate dueDate, LocalDate raisedOn) {
    }

    public void addEvidence(UUID objectionId, Evidence e) {
        jdbc.sql("""
                        INSERT INTO objection_evidence (id, objection_id, kind, description, reference, file_name,
                            content_type, size_bytes, sha256, storage_name, added_at)
                        VALUES (:id, :objectionId, :kind, :description, :reference, :fileName, :contentType, :size,
                            :sha256, :storageName, :addedAt)""")
                .param("id", e.id())
                .param("objectionId", objectionId)
                .param("kind", e.kind().name())
                .param("description", e.description())
                .param("reference", e.reference())
                .param("fileName", e.fileName())
                .param("contentType", e.contentType())
                .param("size", e.sizeBytes())
                .param("sha256", e.sha256())
                .param("storageName", e.storageName())
                .param("addedAt", utc(e.addedAt()))
                .update();
    }

    public List<Evidence> evidence(UUID objectionId) {
        return jdbc.sql("SELECT * FROM objection_evidence WHERE objection_id = :id ORDER BY added_at, id")
                .param("id", objectionId)
                .query((rs, row) -> new Evidence(rs.getObject("id", UUID.class),
                        Evidence.Kind.valueOf(rs.getString("kind")), rs.getString("description"),
                        rs.getString("reference"), rs.getString("file_name"), rs.getString("content_type"),
                        (Long) rs.getObject("size_bytes"), rs.getString("sha256"), rs.getString("storage_name"),
                        instant(rs, "added_at")))
                .list();
    }

    public void addApology(Apology a) {
        jdbc.sql("""
                        INSERT INTO apology (id, listing_id, objection_id, department, text, issued_at)
                        VALUES (:id, :listingId, :objectionId, :department, :text, :issuedAt)""")
                .param("id", a.id())
                .param("listingId", a.listingId())
                .param("objectionId", a.objectionId())
                .param("department", a.department())
                .param("text", a.text())
                .param("issuedAt", utc(a.issuedAt()))
                .update();
    }

    public Optional<Apology> apology(UUID objectionId) {
        return jdbc.sql("SELECT * FROM apology WHERE objection_id = :id")
                .param("id", objectionId)
                .query((rs, row) -> new Apology(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
                        rs.getObject("objection_id", UUID.class), rs.getString("department"), rs.getString("text"),
                        instant(rs, "issued_at")))
                .optional();
    }

    public void addBenefitRecovery(BenefitRecovery b) {
        jdbc.sql("""
                        INSERT INTO benefit_recovery (listing_id, objection_id, list_type_code, department, note,
                            created_at)
                        VALUES (:listingId, :objectionId, :listType, :department, :note, :createdAt)
                        ON CONFLICT (listing_id) DO NOTHING""")
                .param("listingId", b.listingId())
                .param("objectionId", b.objectionId())
                .param("listType", b.listTypeCode())
                .param("department", b.department())
                .param("note", b.note())
                .param("createdAt", utc(b.createdAt()))
                .update();
    }

    public Optional<BenefitRecovery> benefitRecovery(UUID listingId) {
        return jdbc.sql("SELECT * FROM benefit_recovery WHERE listing_id = :id")
                .param("id", listingId)
                .query((rs, row) -> new BenefitRecovery(rs.getObject("listing_id", UUID.class),
                        rs.getObject("objection_id", UUID.class), rs.getString("list_type_code"),
                        rs.getString("department"), rs.getString("note"), instant(rs, "created_at")))
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Objection objection(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("opinion_outcome");
        return new Objection(
                rs.getObject("id", UUID.class),
                rs.getObject("listing_id", UUID.class),
                rs.getString("recognising_department"),
                ObjectorKind.valueOf(rs.getString("objector_kind")),
                rs.getString("objector_name"),
                rs.getString("contact"),
                rs.getString("reason"),
                ObjectionStatus.valueOf(rs.getString("status")),
                instant(rs, "filed_at"),
                instant(rs, "accepted_at"),
                rs.getString("accepted_by"),
                rs.getObject("due_date", LocalDate.class),
                outcome == null ? null : OpinionOutcome.valueOf(outcome),
                rs.getString("opinion"),
                rs.getString("opinion_by"),
                instant(rs, "opinion_at"),
                rs.getString("reply"),
                rs.getString("replied_by"),
                instant(rs, "replied_at"),
                rs.getString("reviewed_by"),
                instant(rs, "reviewed_at"),
                rs.getObject("decision_id", UUID.class),
                rs.getString("administrative_review"),
                instant(rs, "administrative_review_at"));
    }
}
