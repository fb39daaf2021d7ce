package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;
import io.creditloop.messaging.PayloadProtection;
import io.creditloop.messaging.CurrentRequestId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Forwards; {@code next_attempt_at} schedules a pending forward's next attempt (a retry's backoff or a claim's lease). */
@Repository
public class Forwards {

    private final JdbcClient jdbc;
    /** Issue 8, R16: the payload's ID number is stored encrypted and opened when a forward is read. */
    private final PayloadProtection protection;
    private final RowMapper<Forward> row;
    private final NamedParameterJdbcTemplate batches;

    public Forwards(JdbcClient jdbc, PayloadProtection protection, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.protection = protection;
        this.row = rowMapper(protection);
    }

    /** Records a new pending forward, due for its first attempt at once; false if this change was already recorded. */
    private static final String INSERT = """
                        INSERT INTO forward (forward_id, listing_id, listing_version, platform, action, payload,
                            due_date, state, attempts, next_attempt_at, created_at, updated_at, department, request_id)
                        VALUES (:id, :listingId, :listingVersion, :platform, :action, CAST(:payload AS json),
                            :dueDate, :state, :attempts, :createdAt, :createdAt, :createdAt, :department, :requestId)
                        ON CONFLICT (listing_id, listing_version, platform) DO NOTHING""";

    public boolean insert(Forward f) {
        return jdbc.sql(INSERT).paramSource(params(f)).update() == 1;
    }

    /**
     * {@link #insert} for many forwards as one JDBC batch (issue 9, one round trip); element i is whether forward i
     * was recorded.
     */
    public boolean[] insertAll(List<Forward> forwards) {
        if (forwards.isEmpty()) {
            return new boolean[0];
        }
        int[] counts = batches.batchUpdate(INSERT, forwards.stream().map(this::params)
                .toArray(SqlParameterSource[]::new));
        boolean[] recorded = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            recorded[i] = counts[i] == 1;
        }
        return recorded;
    }

    private MapSqlParameterSource params(Forward f) {
        return new MapSqlParameterSource()
                .addValue("id", f.forwardId())
                .addValue("listingId", f.listingId())
                .addValue("listingVersion", f.listingVersion())
                .addValue("platform", f.platform())
                .addValue("action", f.action().name())
                .addValue("payload", protection.seal(f.payload()))
                .addValue("dueDate", f.dueDate())
                .addValue("state", f.state().name())
                .addValue("attempts", f.attempts())
                .addValue("createdAt", timestamp(f.createdAt()))
                .addValue("department", f.department())
                // the request the listing event came with (CurrentRequestId); its delivery's events carry it on
                .addValue("requestId", f.requestId() != null ? f.requestId() : CurrentRequestId.of(f.listingId()));
    }

    /**
     * Claims up to {@code limit} pending forwards that are due, earliest deadline first, by moving their next attempt
     * to the end of the lease: one statement, so no transaction stays open during the HTTP calls that follow, and
     * other instances skip them. A claim that is never resolved (the instance died) runs out and is retried. A forward
     * waits while an older one of its listing to the same platform is pending or still in flight, even if cancelled
     * meanwhile (SCALE-OUT F4, R11: confirmation before exit, whatever the number of workers and instances).
     */
    public List<Forward> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        UPDATE forward SET next_attempt_at = :leaseEnd, in_flight_until = :leaseEnd
                        WHERE forward_id IN (
                            SELECT f.forward_id FROM forward f
                            WHERE f.state = 'PENDING' AND f.next_attempt_at <= :now
                              AND NOT EXISTS (
                                  SELECT 1 FROM forward older
                                  WHERE older.listing_id = f.listing_id AND older.platform = f.platform
                                    AND (older.state = 'PENDING' OR older.in_flight_until > :now)
                                    AND (older.listing_version, older.created_at)
                                        < (f.listing_version, f.created_at))
                            ORDER BY f.due_date, f.created_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("leaseEnd", timestamp(now.plus(lease)))
                .param("now", timestamp(now))
                .param("limit", limit)
                .query(row)
                .list();
    }

    /** Gives claimed forwards back without an attempt, to be tried from {@code at}. */
    public void release(Collection<UUID> forwardIds, Instant at) {
        if (forwardIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE forward SET in_flight_until = NULL,
                            next_attempt_at = CASE WHEN state = 'PENDING' THEN :at ELSE next_attempt_at END
                        WHERE forward_id IN (:ids)""")
                .param("at", timestamp(at))
                .param("ids", forwardIds)
                .update();
    }

    /** The claimed forward's call to its platform has ended (whatever its state now): its listing's next may go. */
    public void landed(UUID forwardId) {
        jdbc.sql("UPDATE forward SET in_flight_until = NULL WHERE forward_id = :id AND in_flight_until IS NOT NULL")
                .param("id", forwardId).update();
    }

    public boolean isPending(UUID forwardId) {
        return jdbc.sql("SELECT count(*) FROM forward WHERE forward_id = :id AND state = 'PENDING'")
                .param("id", forwardId).query(Long.class).single() > 0;
    }

    /** Locks the forward for the rest of the transaction. */
    public Optional<Forward> lock(UUID forwardId) {
        return jdbc.sql("SELECT * FROM forward WHERE forward_id = :id FOR UPDATE")
                .param("id", forwardId)
                .query(row)
                .optional();
    }

    /** Stores an attempt's result; {@code nextAttemptAt} is null once the forward is no longer pending. */
    public void update(Forward f, Instant nextAttemptAt, Instant now) {
        jdbc.sql("""
                        UPDATE forward SET state = :state, attempts = :attempts, acknowledgement = :ack,
                            rejection_reason = :reason, last_error = :error, delivered_at = :deliveredAt,
                            rejected_at = :rejectedAt, next_attempt_at = :next, updated_at = :now,
                            in_flight_until = NULL
                        WHERE forward_id = :id""")
                .param("state", f.state().name())
                .param("attempts", f.attempts())
                .param("ack", f.acknowledgement())
                .param("reason", f.rejectionReason())
                .param("error", f.lastError())
                .param("deliveredAt", timestamp(f.deliveredAt()))
                .param("rejectedAt", timestamp(f.rejectedAt()))
                .param("next", timestamp(nextAttemptAt))
                .param("now", timestamp(now))
                .param("id", f.forwardId())
                .update();
    }

    /** R11: forwards of an erroneous listing's earlier versions that have not gone out are never sent. */
    public int cancelPendingBefore(UUID listingId, long version) {
        return jdbc.sql("""
                        UPDATE forward SET state = 'CANCELLED', next_attempt_at = NULL, updated_at = now()
                        WHERE listing_id = :id AND listing_version < :version AND state = 'PENDING'""")
                .param("id", listingId).param("version", version).update();
    }

    public List<Forward> findByListing(UUID listingId) {
        return jdbc.sql("SELECT * FROM forward WHERE listing_id = :listingId ORDER BY listing_version, platform")
                .param("listingId", listingId)
                .query(row)
                .list();
    }

    /**
     * R6: pending forwards due in {@code [today, horizon]} whose at-risk alarm is not raised yet, nearest first,
     * locked for the caller's transaction (other instances skip them).
     */
    public List<Forward> lockAtRiskUnraised(LocalDate today, LocalDate horizon, int limit) {
        return jdbc.sql("""
                        SELECT * FROM forward
                        WHERE state = 'PENDING' AND at_risk_raised_at IS NULL AND overdue_raised_at IS NULL
                          AND due_date BETWEEN :today AND :horizon
                        ORDER BY due_date, created_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("today", today).param("horizon", horizon).param("limit", limit)
                .query(row).list();
    }

    /** R6: pending forwards due before {@code today} whose overdue alarm is not raised yet, locked likewise. */
    public List<Forward> lockOverdueUnraised(LocalDate today, int limit) {
        return jdbc.sql("""
                        SELECT * FROM forward
                        WHERE state = 'PENDING' AND overdue_raised_at IS NULL AND due_date < :today
                        ORDER BY due_date, created_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("today", today).param("limit", limit)
                .query(row).list();
    }

    public void markAtRiskRaised(Collection<UUID> forwardIds, Instant at) {
        markRaised("at_risk_raised_at", forwardIds, at);
    }

    /** Overdue also closes the at-risk alarm: a forward that went straight to overdue is not at risk any more. */
    public void markOverdueRaised(Collection<UUID> forwardIds, Instant at) {
        markRaised("overdue_raised_at", forwardIds, at);
        if (!forwardIds.isEmpty()) {
            jdbc.sql("UPDATE forward SET at_risk_raised_at = :at WHERE forward_id IN (:ids) AND at_risk_raised_at IS NULL")
                    .param("at", timestamp(at)).param("ids", forwardIds).update();
        }
    }

    private void markRaised(String column, Collection<UUID> forwardIds, Instant at) {
        if (forwardIds.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE forward SET " + column + " = :at WHERE forward_id IN (:ids)")
                .param("at", timestamp(at)).param("ids", forwardIds).update();
    }

    /**
     * The credit office's view: forwards by state, platform, department and deadline status, newest first. At risk
     * and overdue are pending forwards due in {@code [today, horizon]} and before {@code today}
     * ({@link ForwardDeadline#atRiskHorizon}).
     */
    public Page search(ForwardQuery query, LocalDate today, LocalDate horizon, int page, int size) {
        StringBuilder where = new StringBuilder("WHERE true");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (query.state() != null) {
            where.append(" AND state = :state");
            params.put("state", query.state().name());
        }
        if (query.platform() != null) {
            where.append(" AND platform = :platform");
            params.put("platform", query.platform());
        }
        if (query.department() != null) {
            where.append(" AND department = :department");
            params.put("department", query.department());
        }
        if (query.deadline() != null) {
            params.put("today", today);
            switch (query.deadline()) {
                case OVERDUE -> where.append(" AND state = 'PENDING' AND due_date < :today");
                case AT_RISK -> {
                    where.append(" AND state = 'PENDING' AND due_date BETWEEN :today AND :horizon");
                    params.put("horizon", horizon);
                }
                case ON_TIME -> {
                    where.append(" AND state = 'PENDING' AND due_date > :horizon");
                    params.put("horizon", horizon);
                }
                case NONE -> where.append(" AND (state <> 'PENDING' OR due_date IS NULL)");
            }
        }
        long total = jdbc.sql("SELECT count(*) FROM forward " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Forward> items = jdbc.sql("SELECT * FROM forward " + where
                        + " ORDER BY created_at DESC, forward_id LIMIT :limit OFFSET :offset")
                .params(params).query(row).list();
        return new Page(items, total);
    }

    public record ForwardQuery(ForwardState state, String platform, String department, DeadlineStatus deadline) {
    }

    public record Page(List<Forward> items, long total) {
    }

    /** R6: per platform, how many forwards are pending, at risk, overdue, delivered, rejected and cancelled. */
    public List<PlatformCounts> countByPlatform(String department, LocalDate today, LocalDate horizon) {
        return jdbc.sql("""
                        SELECT platform,
                            count(*) FILTER (WHERE state = 'PENDING') AS pending,
                            count(*) FILTER (WHERE state = 'PENDING' AND due_date BETWEEN :today AND :horizon) AS at_risk,
                            count(*) FILTER (WHERE state = 'PENDING' AND due_date < :today) AS overdue,
                            count(*) FILTER (WHERE state = 'DELIVERED') AS delivered,
                            count(*) FILTER (WHERE state = 'REJECTED') AS rejected,
                            count(*) FILTER (WHERE state = 'CANCELLED') AS cancelled,
                            min(due_date) FILTER (WHERE state = 'PENDING') AS next_due
                        FROM forward
                        WHERE (CAST(:department AS TEXT) IS NULL OR department = :department)
                        GROUP BY platform ORDER BY platform""")
                .param("today", today).param("horizon", horizon).param("department", department)
                .query((rs, n) -> new PlatformCounts(rs.getString("platform"), rs.getLong("pending"),
                        rs.getLong("at_risk"), rs.getLong("overdue"), rs.getLong("delivered"), rs.getLong("rejected"),
                        rs.getLong("cancelled"), rs.getObject("next_due", LocalDate.class)))
                .list();
    }

    public record PlatformCounts(String platform, long pending, long atRisk, long overdue, long delivered,
                                 long rejected, long cancelled, LocalDate nextDue) {
    }

    private static RowMapper<Forward> rowMapper(PayloadProtection protection) {
        return (rs, n) -> new Forward(
            rs.getObject("forward_id", UUID.class),
            rs.getObject("listing_id", UUID.class),
            rs.getLong("listing_version"),
            rs.getString("platform"),
            ForwardAction.valueOf(rs.getString("action")),
            protection.open(rs.getString("payload")),
            rs.getObject("due_date", LocalDate.class),
            ForwardState.valueOf(rs.getString("state")),
            rs.getInt("attempts"),
            rs.getString("acknowledgement"),
            rs.getString("rejection_reason"),
            rs.getString("last_error"),
            instant(rs, "created_at"),
            instant(rs, "delivered_at"),
            instant(rs, "rejected_at"),
            rs.getString("department"),
            rs.getString("request_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
