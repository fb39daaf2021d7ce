package io.creditloop.sanction.dashboard;

import io.creditloop.sanction.task.TaskState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The dashboard's reads of {@code sanction_task}, with each task's listing from {@code case_listing}. */
@Repository
public class DashboardQueries {

    // the same condition as ResponseDeadline.isOverdue and SanctionTasks.search
    private static final String OVERDUE = "COALESCE(t.state = 'INITIATED' AND t.respond_by < :today, FALSE)";
    private static final String COUNTS = """
            count(*) AS initiated, count(t.responded_at) AS responded, count(t.implemented_at) AS implemented,
            count(t.fed_back_at) AS fed_back, count(t.lifted_at) AS lifted,
            count(*) FILTER (WHERE\s""" + OVERDUE + ") AS overdue";
    private static final String FROM = " FROM sanction_task t LEFT JOIN case_listing l ON l.listing_id = t.listing_id";

    private final JdbcClient jdbc;

    public DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts per key of {@code by} (ordered by key), or over all tasks when {@code by} is null. */
    public Map<String, LoopCounts> counts(DashboardFilter filter, Dimension by, ZoneId zone, LocalDate today) {
        MapSqlParameterSource params = new MapSqlParameterSource("today", today);
        String key = by == null ? "'all'" : by.sql();
        String sql = "SELECT " + key + " AS k, " + COUNTS + FROM + where(filter, zone, "t.initiated_at", params)
                + (by == null ? "" : " GROUP BY 1 ORDER BY 1");
        Map<String, LoopCounts> counts = new LinkedHashMap<>();
        jdbc.sql(sql).paramSource(params).query(rs -> {
            counts.put(rs.getString("k"), new LoopCounts(rs.getLong("initiated"), rs.getLong("responded"),
                    rs.getLong("implemented"), rs.getLong("fed_back"), rs.getLong("lifted"), rs.getLong("overdue")));
        });
        return counts;
    }

    /** The list types' names as their listings carried them, by code. */
    public Map<String, String> listTypeNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT DISTINCT ON (list_type_code) list_type_code, list_type_name FROM case_listing "
                        + "ORDER BY list_type_code, version DESC")
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** Per step (not {@link LoopStep#OVERDUE}) and bucket start: how many tasks reached the step in that bucket. */
    public Map<LoopStep, Map<LocalDate, Long>> series(DashboardFilter filter, Bucket bucket, ZoneId zone) {
        Map<LoopStep, Map<LocalDate, Long>> series = new EnumMap<>(LoopStep.class);
        for (LoopStep step : LoopStep.values()) {
            if (step.timestampColumn() == null) {
                continue;
            }
            String column = "t." + step.timestampColumn();
            MapSqlParameterSource params = new MapSqlParameterSource("zone", zone.getId())
                    .addValue("unit", bucket.sqlUnit());
            String sql = "SELECT date_trunc(:unit, " + column + " AT TIME ZONE :zone)::date AS b, count(*) AS n"
                    + FROM + where(filter, zone, column, params) + " GROUP BY 1";
            Map<LocalDate, Long> counts = new HashMap<>();
            jdbc.sql(sql).paramSource(params).query(rs -> {
                counts.put(rs.getObject("b", LocalDate.class), rs.getLong("n"));
            });
            series.put(step, counts);
        }
        return series;
    }

    /** The tasks behind a summary number: initiated in the period, matching the filter, that reached {@code step}. */
    public List<DashboardTask> tasks(DashboardFilter filter, LoopStep step, ZoneId zone, LocalDate today, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("today", today).addValue("limit", limit);
        String condition = step == LoopStep.OVERDUE ? OVERDUE
                : "t." + step.timestampColumn() + " IS NOT NULL";
        String sql = """
                SELECT t.task_id, t.listing_id, l.department, t.list_type_code, l.list_type_name, l.subject_name,
                       t.agency_code, t.measure, t.state, t.respond_by, t.initiated_at, t.responded_at,
                       t.implemented_at, t.fed_back_at, t.lifted_at,\s""" + OVERDUE + " AS overdue" + FROM
                + where(filter, zone, "t.initiated_at", params) + " AND " + condition
                + " ORDER BY t.respond_by NULLS LAST, t.initiated_at, t.task_id LIMIT :limit";
        return jdbc.sql(sql).paramSource(params).query((rs, n) -> new DashboardTask(
                rs.getObject("task_id", UUID.class), rs.getObject("listing_id", UUID.class),
                rs.getString("department"), rs.getString("list_type_code"), rs.getString("list_type_name"),
                rs.getString("subject_name"), rs.getString("agency_code"), rs.getString("measure"),
                TaskState.valueOf(rs.getString("state")), rs.getObject("respond_by", LocalDate.class),
                rs.getBoolean("overdue"), instant(rs, "initiated_at"), instant(rs, "responded_at"),
                instant(rs, "implemented_at"), instant(rs, "fed_back_at"), instant(rs, "lifted_at"))).list();
    }

    /** Tasks whose {@code column} lies in the filter's period, of the filter's department, list type and agency. */
    private static String where(DashboardFilter filter, ZoneId zone, String column, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" WHERE " + column + " >= :start AND " + column + " < :end");
        params.addValue("start", at(filter.from(), zone));
        params.addValue("end", at(filter.to().plusDays(1), zone));
        if (filter.department() != null) {
            where.append(" AND ").append(Dimension.DEPARTMENT.sql()).append(" = :department");
            params.addValue("department", filter.department());
        }
        if (filter.listType() != null) {
            where.append(" AND t.list_type_code = :listType");
            params.addValue("listType", filter.listType());
        }
        if (filter.agency() != null) {
            where.append(" AND t.agency_code = :agency");
            params.addValue("agency", filter.agency());
        }
        return where.toString();
    }

    private static OffsetDateTime at(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
