package io.creditloop.sanction.task;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Tasks in table {@code sanction_task}. */
@Repository
public class SanctionTasks {

    private static final String COLUMNS = """
            task_id, listing_id, listing_version, subject_key, list_type_code, agency_code, measure_code, measure,
            measure_version, confirmation_required, respond_by,
            state, initiated_at, responded_at, implemented_at, fed_back_at, lifted_at,
            measure_applied, business_item, amount, explanation, lift_reason, due_today_reminded_at,
            overdue_reminded_at""";
    private static final RowMapper<SanctionTask> ROW = SanctionTasks::map;

    private final JdbcClient jdbc;

    public SanctionTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new task; false if this listing version already has a task for this agency and measure, so a listing
     * confirmed again cannot ask an agency twice for the same measure.
     */
    public boolean insert(SanctionTask task) {
        return insertAll(List.of(task))[0];
    }

    /**
     * {@link #insert} for many tasks in one statement (issue 9); element i is whether task i was stored. The rows go
     * in as arrays, one per column, in the tasks' order, and the statement returns the ids of the rows it stored: a
     * JDBC batch cannot say which rows {@code ON CONFLICT DO NOTHING} skipped once the driver rewrites it into
     * multi-row INSERTs (every count is then {@code Statement.SUCCESS_NO_INFO}). Of two tasks for the same listing
     * version, agency and measure, the first is stored, as one by one.
     */
    public boolean[] insertAll(List<SanctionTask> tasks) {
        if (tasks.isEmpty()) {
            return new boolean[0];
        }
        int n = tasks.size();
        String[] taskIds = new String[n];
        String[] listingIds = new String[n];
        Long[] listingVersions = new Long[n];
        String[] subjectKeys = new String[n];
        String[] listTypeCodes = new String[n];
        String[] agencyCodes = new String[n];
        String[] measureCodes = new String[n];
        String[] measures = new String[n];
        Integer[] measureVersions = new Integer[n];
        Boolean[] confirmationRequired = new Boolean[n];
        String[] respondBy = new String[n];
        String[] states = new String[n];
        String[] initiatedAt = new String[n];
        String[] respondedAt = new String[n];
        String[] implementedAt = new String[n];
        String[] fedBackAt = new String[n];
        String[] liftedAt = new String[n];
        String[] measureApplied = new String[n];
        String[] businessItems = new String[n];
        String[] amounts = new String[n];
        String[] explanations = new String[n];
        String[] liftReasons = new String[n];
        String[] dueTodayRemindedAt = new String[n];
        String[] overdueRemindedAt = new String[n];
        for (int i = 0; i < n; i++) {
            SanctionTask t = tasks.get(i);
            taskIds[i] = t.taskId().toString();
            listingIds[i] = t.listingId().toString();
            listingVersions[i] = t.listingVersion();
            subjectKeys[i] = t.subjectKey();
            listTypeCodes[i] = t.listTypeCode();
            agencyCodes[i] = t.agencyCode();
            measureCodes[i] = t.measureCode();
            measures[i] = t.measure();
            measureVersions[i] = t.measureVersion();
            confirmationRequired[i] = t.confirmationRequired();
            respondBy[i] = t.respondBy() == null ? null : t.respondBy().toString();
            states[i] = t.state().name();
            initiatedAt[i] = text(t.initiatedAt());
            respondedAt[i] = text(t.respondedAt());
            implementedAt[i] = text(t.implementedAt());
            fedBackAt[i] = text(t.fedBackAt());
            liftedAt[i] = text(t.liftedAt());
            measureApplied[i] = t.measureApplied();
            businessItems[i] = t.businessItem();
            amounts[i] = t.amount() == null ? null : t.amount().toPlainString();
            explanations[i] = t.explanation();
            liftReasons[i] = t.liftReason();
            dueTodayRemindedAt[i] = text(t.dueTodayRemindedAt());
            overdueRemindedAt[i] = text(t.overdueRemindedAt());
        }
        Set<UUID> stored = new HashSet<>(jdbc.sql(INSERT_ALL)
                .param("taskIds", taskIds)
                .param("listingIds", listingIds)
                .param("listingVersions", listingVersions)
                .param("subjectKeys", subjectKeys)
                .param("listTypeCodes", listTypeCodes)
                .param("agencyCodes", agencyCodes)
                .param("measureCodes", measureCodes)
                .param("measures", measures)
                .param("measureVersions", measureVersions)
                .param("confirmationRequired", confirmationRequired)
                .param("respondBy", respondBy)
                .param("states", states)
                .param("initiatedAt", initiatedAt)
                .param("respondedAt", respondedAt)
                .param("implementedAt", implementedAt)
                .param("fedBackAt", fedBackAt)
                .param("liftedAt", liftedAt)
                .param("measureApplied", measureApplied)
                .param("businessItems", businessItems)
                .param("amounts", amounts)
                .param("explanations", explanations)
                .param("liftReasons", liftReasons)
                .param("dueTodayRemindedAt", dueTodayRemindedAt)
                .param("overdueRemindedAt", overdueRemindedAt)
                .query(UUID.class)
                .list());
        boolean[] storedAt = new boolean[n];
        for (int i = 0; i < n; i++) {
            storedAt[i] = stored.contains(tasks.get(i).taskId());
        }
        return storedAt;
    }

    /** The rows of {@link #insertAll}, inserted in their order; returns the ids stored. */
    private static final String INSERT_ALL = "INSERT INTO sanction_task (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM " + """
            unnest(CAST(:taskIds AS uuid[]), CAST(:listingIds AS uuid[]), CAST(:listingVersions AS bigint[]),
                CAST(:subjectKeys AS text[]), CAST(:listTypeCodes AS text[]), CAST(:agencyCodes AS text[]),
                CAST(:measureCodes AS text[]), CAST(:measures AS text[]), CAST(:measureVersions AS int[]),
                CAST(:confirmationRequired AS boolean[]), CAST(:respondBy AS date[]), CAST(:states AS text[]),
                CAST(:initiatedAt AS timestamptz[]), CAST(:respondedAt AS timestamptz[]),
                CAST(:implementedAt AS timestamptz[]), CAST(:fedBackAt AS timestamptz[]),
                CAST(:liftedAt AS timestamptz[]), CAST(:measureApplied AS text[]), CAST(:businessItems AS text[]),
                CAST(:amounts AS numeric[]), CAST(:explanations AS text[]), CAST(:liftReasons AS text[]),
                CAST(:dueTodayRemindedAt AS timestamptz[]), CAST(:overdueRemindedAt AS timestamptz[]))
                WITH ORDINALITY AS t(""" + COLUMNS + """
            , ord)
             ORDER BY ord
             ON CONFLICT (listing_id, listing_version, agency_code, measure_code) DO NOTHING
             RETURNING task_id""";

    public void update(SanctionTask task) {
        int updated = jdbc.sql("""
                        UPDATE sanction_task SET state = :state, responded_at = :respondedAt,
                        implemented_at = :implementedAt, fed_back_at = :fedBackAt, lifted_at = :liftedAt,
                        measure_applied = :measureApplied, business_item = :businessItem, amount = :amount,
                        explanation = :explanation, lift_reason = :liftReason,
                        due_today_reminded_at = :dueTodayRemindedAt, overdue_reminded_at = :overdueRemindedAt
                        WHERE task_id = :taskId""")
                .paramSource(params(task))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("task " + task.taskId() + " vanished while it was updated");
        }
    }

    public Optional<SanctionTask> find(UUID taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sanction_task WHERE task_id = :taskId")
                .param("taskId", taskId)
                .query(ROW)
                .optional();
    }

    /** The task, locked until the transaction ends so concurrent answers apply one after the other. */
    public Optional<SanctionTask> findForUpdate(UUID taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sanction_task WHERE task_id = :taskId FOR UPDATE")
                .param("taskId", taskId)
                .query(ROW)
                .optional();
    }

    public List<SanctionTask> forListing(UUID listingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sanction_task WHERE listing_id = :listingId "
                        + "ORDER BY agency_code, measure_code")
                .param("listingId", listingId)
                .query(ROW)
                .list();
    }

    /** The listing's tasks, locked until the transaction ends. */
    public List<SanctionTask> forListingForUpdate(UUID listingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sanction_task WHERE listing_id = :listingId "
                        + "ORDER BY agency_code, measure_code FOR UPDATE")
                .param("listingId", listingId)
                .query(ROW)
                .list();
    }

    /**
     * Tasks still waiting for a response whose deadline is today or past and whose reminder for that has not gone
     * out, locked until the transaction ends. Rows another instance holds are skipped, so several instances running
     * the reminder job never remind twice.
     */
    public List<SanctionTask> dueForReminderForUpdate(LocalDate today, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM sanction_task WHERE state = 'INITIATED' AND respond_by <= :today
                        AND ((respond_by < :today AND overdue_reminded_at IS NULL)
                          OR (respond_by = :today AND due_today_reminded_at IS NULL))
                        ORDER BY respond_by, task_id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("today", today)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** The dashboard's view: tasks by state, agency, listing and overdue, most urgent first. */
    public List<SanctionTask> search(TaskQuery query, LocalDate today) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM sanction_task WHERE TRUE");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.state() != null) {
            sql.append(" AND state = :state");
            params.addValue("state", query.state().name());
        }
        if (query.agencyCode() != null) {
            sql.append(" AND agency_code = :agency");
            params.addValue("agency", query.agencyCode());
        }
        if (query.listingId() != null) {
            sql.append(" AND listing_id = :listingId");
            params.addValue("listingId", query.listingId());
        }
        if (query.overdue() != null) {
            // the same condition as ResponseDeadline.isOverdue; COALESCE: a task without a deadline is never overdue
            String overdue = "COALESCE(state = 'INITIATED' AND respond_by < :today, FALSE)";
            sql.append(query.overdue() ? " AND " : " AND NOT ").append(overdue);
            params.addValue("today", today);
        }
        sql.append(" ORDER BY respond_by NULLS LAST, initiated_at, task_id LIMIT :limit");
        params.addValue("limit", query.limit());
        return jdbc.sql(sql.toString()).paramSource(params).query(ROW).list();
    }

    private static MapSqlParameterSource params(SanctionTask task) {
        return new MapSqlParameterSource()
                .addValue("taskId", task.taskId())
                .addValue("listingId", task.listingId())
                .addValue("listingVersion", task.listingVersion())
                .addValue("subjectKey", task.subjectKey())
                .addValue("listTypeCode", task.listTypeCode())
                .addValue("agencyCode", task.agencyCode())
                .addValue("measureCode", task.measureCode())
                .addValue("measure", task.measure())
                .addValue("measureVersion", task.measureVersion())
                .addValue("confirmationRequired", task.confirmationRequired())
                .addValue("respondBy", task.respondBy())
                .addValue("state", task.state().name())
                .addValue("initiatedAt", timestamp(task.initiatedAt()))
                .addValue("respondedAt", timestamp(task.respondedAt()))
                .addValue("implementedAt", timestamp(task.implementedAt()))
                .addValue("fedBackAt", timestamp(task.fedBackAt()))
                .addValue("liftedAt", timestamp(task.liftedAt()))
                .addValue("measureApplied", task.measureApplied())
                .addValue("businessItem", task.businessItem())
                .addValue("amount", task.amount())
                .addValue("explanation", task.explanation())
                .addValue("liftReason", task.liftReason())
                .addValue("dueTodayRemindedAt", timestamp(task.dueTodayRemindedAt()))
                .addValue("overdueRemindedAt", timestamp(task.overdueRemindedAt()));
    }

    private static SanctionTask map(ResultSet rs, int row) throws SQLException {
        return new SanctionTask(rs.getObject("task_id", UUID.class), rs.getObject("listing_id", UUID.class),
                rs.getLong("listing_version"), rs.getString("subject_key"), rs.getString("list_type_code"),
                rs.getString("agency_code"), rs.getString("measure_code"), rs.getString("measure"),
                rs.getInt("measure_version"), rs.getBoolean("confirmation_required"),
                rs.getObject("respond_by", LocalDate.class),
                TaskState.valueOf(rs.getString("state")), instant(rs, "initiated_at"), instant(rs, "responded_at"),
                instant(rs, "implemented_at"), instant(rs, "fed_back_at"), instant(rs, "lifted_at"),
                rs.getString("measure_applied"), rs.getString("business_item"), rs.getBigDecimal("amount"),
                rs.getString("explanation"), rs.getString("lift_reason"), instant(rs, "due_today_reminded_at"),
                instant(rs, "overdue_reminded_at"));
    }

    // the PostgreSQL driver binds OffsetDateTime to timestamptz but has no mapping for Instant
    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An instant as PostgreSQL reads a timestamptz (ISO 8601, UTC); rounded to microseconds as when bound. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
