package io.creditloop.repair.creditrepair;

import io.creditloop.contracts.listing.v1.ListKind;
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

/** Credit repairs (tables {@code credit_repair}, {@code credit_repair_evidence}) and the listing facts they read. */
@Repository
public class CreditRepairs {

    private final JdbcClient jdbc;

    public CreditRepairs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RepairListing> listing(UUID listingId, boolean lock) {
        return jdbc.sql("SELECT * FROM listing_ref WHERE listing_id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", listingId)
                .query(CreditRepairs::listing)
                .optional();
    }

    public List<RepairListing> listingsOfSubject(String subjectKey) {
        return jdbc.sql("SELECT * FROM listing_ref WHERE subject_key = :key")
                .param("key", subjectKey)
                .query(CreditRepairs::listing)
                .list();
    }

    public void bar(UUID listingId) {
        jdbc.sql("UPDATE listing_ref SET repair_barred = TRUE WHERE listing_id = :id").param("id", listingId).update();
    }

    public void add(CreditRepair r) {
        jdbc.sql("""
                        INSERT INTO credit_repair (id, listing_id, subject_key, path, applicant, statement, intentional,
                            status, filed_at, opinion_due)
                        VALUES (:id, :listingId, :subjectKey, :path, :applicant, :statement, :intentional, :status,
                            :filedAt, :opinionDue)""")
                .param("id", r.id())
                .param("listingId", r.listingId())
                .param("subjectKey", r.subjectKey())
                .param("path", r.path().name())
                .param("applicant", r.applicant())
                .param("statement", r.statement())
                .param("intentional", r.intentional())
                .param("status", r.status().name())
                .param("filedAt", utc(r.filedAt()))
                .param("opinionDue", r.opinionDue())
                .update();
    }

    public void update(CreditRepair r) {
        jdbc.sql("""
                        UPDATE credit_repair SET status = :status, opinion = :opinion, opinion_by = :opinionBy,
                            opinion_at = :opinionAt, review_due = :reviewDue, review_note = :reviewNote,
                            reviewed_by = :reviewedBy, reviewed_at = :reviewedAt, decision_id = :decisionId,
                            closed_reason = :closedReason, closed_at = :closedAt
                        WHERE id = :id""")
                .param("id", r.id())
                .param("status", r.status().name())
                .param("opinion", r.opinion())
                .param("opinionBy", r.opinionBy())
                .param("opinionAt", utc(r.opinionAt()))
                .param("reviewDue", r.reviewDue())
                .param("reviewNote", r.reviewNote())
                .param("reviewedBy", r.reviewedBy())
                .param("reviewedAt", utc(r.reviewedAt()))
                .param("decisionId", r.decisionId())
                .param("closedReason", r.closedReason())
                .param("closedAt", utc(r.closedAt()))
                .update();
    }

    public Optional<CreditRepair> find(UUID id, boolean lock) {
        return jdbc.sql("SELECT * FROM credit_repair WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", id)
                .query(CreditRepairs::repair)
                .optional();
    }

    /** Active repairs of a subject, locked: a re-offence cancels them. */
    /** Of these subjects, those with a repair in progress or carried out (the ones {@link #activeOfSubject} finds). */
    public java.util.Set<String> subjectsWithActiveRepair(java.util.Collection<String> subjectKeys) {
        if (subjectKeys.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        SELECT DISTINCT subject_key FROM credit_repair WHERE subject_key = ANY(CAST(:keys AS text[]))
                            AND status IN ('APPLIED', 'OPINION_GIVEN', 'CARRIED_OUT')""")
                .param("keys", subjectKeys.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    public List<CreditRepair> activeOfSubject(String subjectKey) {
        return jdbc.sql("""
                        SELECT * FROM credit_repair WHERE subject_key = :key
                            AND status IN ('APPLIED', 'OPINION_GIVEN', 'CARRIED_OUT') ORDER BY filed_at FOR UPDATE""")
                .param("key", subjectKey)
                .query(CreditRepairs::repair)
                .list();
    }

    /** R12: repairs with an approval step past its due date on {@code today}, locked, skipping ones locked elsewhere. */
    public List<CreditRepair> overdueOn(LocalDate today, int limit) {
        return jdbc.sql("""
                        SELECT * FROM credit_repair
                        WHERE (status = 'APPLIED' AND opinion_due < :today)
                           OR (status = 'OPINION_GIVEN' AND review_due < :today)
                        ORDER BY filed_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("today", today).param("limit", limit)
                .query(CreditRepairs::repair)
                .list();
    }

    /** @return whether the alarm is new (its row's primary key makes it once per repair and step) */
    public boolean recordAlarm(UUID repairId, ApprovalDeadline.Alarm alarm, Instant now) {
        return jdbc.sql("""
                        INSERT INTO credit_repair_alarm (repair_id, step, alarm, due_date, raised_on, raised_at)
                        VALUES (:id, :step, :alarm, :due, :on, :at) ON CONFLICT DO NOTHING""")
                .param("id", repairId).param("step", alarm.step().name()).param("alarm", alarm.alarm())
                .param("due", alarm.dueDate()).param("on", alarm.raisedOn()).param("at", utc(now))
                .update() == 1;
    }

    public List<ApprovalDeadline.Alarm> alarms(UUID repairId) {
        return jdbc.sql("SELECT * FROM credit_repair_alarm WHERE repair_id = :id ORDER BY raised_at, step")
                .param("id", repairId)
                .query((rs, row) -> new ApprovalDeadline.Alarm(ApprovalDeadline.Step.valueOf(rs.getString("step")),
                        rs.getString("alarm"), rs.getObject("due_date", LocalDate.class),
                        rs.getObject("raised_on", LocalDate.class)))
                .list();
    }

    public void addEvidence(UUID repairId, RepairEvidence e) {
        jdbc.sql("""
                        INSERT INTO credit_repair_evidence (id, repair_id, kind, description, reference, added_at)
                        VALUES (:id, :repairId, :kind, :description, :reference, :addedAt)""")
                .param("id", e.id())
                .param("repairId", repairId)
                .param("kind", e.kind().name())
                .param("description", e.description())
                .param("reference", e.reference())
                .param("addedAt", utc(e.addedAt()))
                .update();
    }

    public List<RepairEvidence> evidence(UUID repairId) {
        return jdbc.sql("SELECT * FROM credit_repair_evidence WHERE repair_id = :id ORDER BY added_at, id")
                .param("id", repairId)
                .query((rs, row) -> new RepairEvidence(rs.getObject("id", UUID.class),
                        RepairEvidence.Kind.valueOf(rs.getString("kind")), rs.getString("description"),
                        rs.getString("reference"), instant(rs, "added_at")))
                .list();
    }

    private static RepairListing listing(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("list_kind");
        String mode = rs.getString("repair_mode");
        return new RepairListing(rs.getObject("listing_id", UUID.class), rs.getString("subject_key"),
                rs.getString("recognising_department"), rs.getString("list_type_code"),
                kind == null ? null : ListKind.valueOf(kind), mode == null ? null : RepairMode.valueOf(mode),
                rs.getObject("recognition_date", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                "EXITED".equals(rs.getString("status")), rs.getBoolean("repair_barred"));
    }

    private static CreditRepair repair(ResultSet rs, int row) throws SQLException {
        return new CreditRepair(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
                rs.getString("subject_key"), RepairMode.valueOf(rs.getString("path")), rs.getString("applicant"),
                rs.getString("statement"), rs.getBoolean("intentional"),
                CreditRepair.Status.valueOf(rs.getString("status")), instant(rs, "filed_at"),
                rs.getObject("opinion_due", LocalDate.class), rs.getString("opinion"), rs.getString("opinion_by"),
                instant(rs, "opinion_at"), rs.getObject("review_due", LocalDate.class), rs.getString("review_note"),
                rs.getString("reviewed_by"), instant(rs, "reviewed_at"), rs.getObject("decision_id", UUID.class),
                rs.getString("closed_reason"), instant(rs, "closed_at"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
