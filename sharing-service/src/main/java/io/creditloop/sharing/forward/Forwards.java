package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;
import io.creditloop.messaging.PayloadProtection;
import io.creditloop.messaging.CurrentRequestId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Forwards; {@code next_attempt_at} schedules a pending forward's next attempt (a retry's backoff or a claim's lease). */
@Repository
public class Forwards {

    private final JdbcClient jdbc;
    /** Issue 8, R16: the payload's ID number is stored encrypted and opened when a forward is read. */
    private final PayloadProtection protection;
    private final RowMapper<Forward> row;

    public Forwards(JdbcClient jdbc, PayloadProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.row = rowMapper(protection);
    }

    /** Records a new pending forward, due for its first attempt at once; false if this change was already recorded. */
    public boolean insert(Forward f) {
        return insertAll(List.of(f))[0];
    }

    /**
     * {@link #insert} for many forwards in one statement (issue 9, one round trip); element i is whether forward i was
     * recorded. The statement itself reports what it inserted ({@code RETURNING}), not the driver's per-row update
     * counts, which a rewritten batch ({@code reWriteBatchedInserts}) does not give. Of two forwards of the same change
     * in one call the first is recorded, as one at a time.
     */
    public boolean[] insertAll(List<Forward> forwards) {
        if (forwards.isEmpty()) {
            return new boolean[0];
        }
        int n = forwards.size();
        String[] ids = new String[n];
        String[] listingIds = new String[n];
        Long[] versions = new Long[n];
        String[] platforms = new String[n];
        String[] actions = new String[n];
        String[] payloads = new String[n];
        String[] dueDates = new String[n];
        String[] states = new String[n];
        Integer[] attempts = new Integer[n];
        String[] createdAts = new String[n];
        String[] departments = new String[n];
        String[] requestIds = new String[n];
        for (int i = 0; i < n; i++) {
            Forward f = forwards.get(i);
            ids[i] = f.forwardId().toString();
            listingIds[i] = f.listingId().toString();
            versions[i] = f.listingVersion();
            platforms[i] = f.platform();
            actions[i] = f.action().name();
            payloads[i] = protection.seal(f.payload());
            dueDates[i] = f.dueDate() == null ? null : f.dueDate().toString();
            states[i] = f.state().name();
            attempts[i] = f.attempts();
            createdAts[i] = f.createdAt().toString();
            departments[i] = f.department();
            requestIds[i] = requestId(f);
        }
        Set<UUID> inserted = new HashSet<>(jdbc.sql("""
                        INSERT INTO forward (forward_id, listing_id, listing_version, platform, action, payload,
                            due_date, state, attempts, next_attempt_at, created_at, updated_at, department, request_id)
                        SELECT u.forward_id, u.listing_id, u.listing_version, u.platform, u.action, CAST(u.payload AS json),
                            u.due_date, u.state, u.attempts, u.created_at, u.created_at, u.created_at, u.department,
                            u.request_id
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:listingIds AS uuid[]), CAST(:versions AS bigint[]),
                            CAST(:platforms AS text[]), CAST(:actions AS text[]), CAST(:payloads AS text[]),
                            CAST(:dueDates AS date[]), CAST(:states AS text[]), CAST(:attempts AS int[]),
                            CAST(:createdAts AS timestamptz[]), CAST(:departments AS text[]), CAST(:requestIds AS text[]))
                            WITH ORDINALITY AS u (forward_id, listing_id, listing_version, platform, action, payload,
                                due_date, state, attempts, created_at, department, request_id, n)
                        ORDER BY u.n
                        ON CONFLICT (listing_id, listing_version, platform) DO NOTHING
                        RETURNING forward_id""")
                .param("ids", ids)
                .param("listingIds", listingIds)
                .param("versions", versions)
                .param("platforms", platforms)
                .param("actions", actions)
                .param("payloads", payloads)
                .param("dueDates", dueDates)
                .param("states", states)
                .param("attempts", attempts)
                .param("createdAts", createdAts)
                .param("departments", departments)
                .param("requestIds", requestIds)
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list());
        boolean[] recorded = new boolean[n];
        for (int i = 0; i < n; i++) {
            recorded[i] = inserted.contains(forwards.get(i).forwardId());
        }
        return recorded;
    }

    /** The request the listing event came with (CurrentRequestId); its delivery's events carry it on. */
    private static String requestId(Forward f) {
        return f.requestId() != null ? f.requestId() : CurrentRequestId.of(f.listingId());
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

    /**
     * The claimed forwards' calls to their platform have ended (whatever their state now): their listings' next may
     * go. One statement.
     */
    public void landedAll(Collection<UUID> forwardIds) {
        if (forwardIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE forward SET in_flight_until = NULL
                        WHERE forward_id = ANY(CAST(:ids AS uuid[])) AND in_flight_until IS NOT NULL""")
                .param("ids", uuids(forwardIds)).update();
    }

    public boolean isPending(UUID forwardId) {
        return jdbc.sql("SELECT count(*) FROM forward WHERE forward_id = :id AND state = 'PENDING'")
                .param("id", forwardId).query(Long.class).single() > 0;
    }

    /**
     * Locks these forwards for the rest of the transaction, in one statement (issue 9), always in the order of their
     * ids, so two transactions locking overlapping sets do not deadlock. Forwards that do not exist are missing.
     */
    public Map<UUID, Forward> lockAll(Collection<UUID> forwardIds) {
        Map<UUID, Forward> locked = new HashMap<>();
        if (forwardIds.isEmpty()) {
            return locked;
        }
        jdbc.sql("SELECT * FROM forward WHERE forward_id = ANY(CAST(:ids AS uuid[])) ORDER BY forward_id FOR UPDATE")
                .param("ids", uuids(forwardIds))
                .query(row)
                .list()
                .forEach(f -> locked.put(f.forwardId(), f));
        return locked;
    }

    /** An attempt's result to store: the forward as it is now and, while pending, when to try it next (else null). */
    public record Attempt(Forward forward, Instant nextAttemptAt) {
    }

    /**
     * Stores the results of the attempts of one platform call, in one statement (issue 9); a forward at most once.
     * Each forward is no longer in flight.
     */
    public void updateAll(List<Attempt> attempts, Instant now) {
        if (attempts.isEmpty()) {
            return;
        }
        int n = attempts.size();
        String[] ids = new String[n];
        String[] states = new String[n];
        Integer[] counts = new Integer[n];
        String[] acks = new String[n];
        String[] reasons = new String[n];
        String[] errors = new String[n];
        String[] deliveredAts = new String[n];
        String[] rejectedAts = new String[n];
        String[] nextAttemptAts = new String[n];
        for (int i = 0; i < n; i++) {
            Forward f = attempts.get(i).forward();
            ids[i] = f.forwardId().toString();
            states[i] = f.state().name();
            counts[i] = f.attempts();
            acks[i] = f.acknowledgement();
            reasons[i] = f.rejectionReason();
            errors[i] = f.lastError();
            deliveredAts[i] = text(f.deliveredAt());
            rejectedAts[i] = text(f.rejectedAt());
            nextAttemptAts[i] = text(attempts.get(i).nextAttemptAt());
        }
        jdbc.sql("""
                        UPDATE forward AS f SET state = u.state, attempts = u.attempts, acknowledgement = u.ack,
                            rejection_reason = u.reason, last_error = u.error, delivered_at = u.delivered_at,
                            rejected_at = u.rejected_at, next_attempt_at = u.next_attempt_at, updated_at = :now,
                            in_flight_until = NULL
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:states AS text[]), CAST(:attempts AS int[]),
                            CAST(:acks AS text[]), CAST(:reasons AS text[]), CAST(:errors AS text[]),
                            CAST(:deliveredAts AS timestamptz[]), CAST(:rejectedAts AS timestamptz[]),
                            CAST(:nextAttemptAts AS timestamptz[]))
                            AS u (forward_id, state, attempts, ack, reason, error, delivered_at, rejected_at,
                                next_attempt_at)
                        WHERE f.forward_id = u.forward_id""")
                .param("ids", ids)
                .param("states", states)
                .param("attempts", counts)
                .param("acks", acks)
                .param("reasons", reasons)
                .param("errors", errors)
                .param("deliveredAts", deliveredAts)
                .param("rejectedAts", rejectedAts)
                .param("nextAttemptAts", nextAttemptAts)
                .param("now", timestamp(now))
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
     * R6: marks the at-risk alarm raised, at {@code now}, on up to {@code limit} pending forwards due in
     * {@code [today, horizon]} that have no alarm yet, nearest first, and returns them in that order. One statement
     * (issue 9): the forwards are picked and locked with SKIP LOCKED (other instances take others) and written once.
     */
    public List<Forward> raiseAtRisk(LocalDate today, LocalDate horizon, Instant now, int limit) {
        return inDeadlineOrder(jdbc.sql("""
                        UPDATE forward SET at_risk_raised_at = :now
                        WHERE forward_id IN (
                            SELECT forward_id FROM forward
                            WHERE state = 'PENDING' AND at_risk_raised_at IS NULL AND overdue_raised_at IS NULL
                              AND due_date BETWEEN :today AND :horizon
                            ORDER BY due_date, created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("now", timestamp(now)).param("today", today).param("horizon", horizon).param("limit", limit)
                .query(row).list());
    }

    /**
     * R6: marks the overdue alarm raised, at {@code now}, on up to {@code limit} pending forwards due before
     * {@code today} that have none yet, earliest first, and returns them in that order; one statement likewise.
     * Overdue also closes the at-risk alarm: a forward that went straight to overdue is not at risk any more.
     */
    public List<Forward> raiseOverdue(LocalDate today, Instant now, int limit) {
        return inDeadlineOrder(jdbc.sql("""
                        UPDATE forward SET overdue_raised_at = :now, at_risk_raised_at = COALESCE(at_risk_raised_at, :now)
                        WHERE forward_id IN (
                            SELECT forward_id FROM forward
                            WHERE state = 'PENDING' AND overdue_raised_at IS NULL AND due_date < :today
                            ORDER BY due_date, created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("now", timestamp(now)).param("today", today).param("limit", limit)
                .query(row).list());
    }

    /** RETURNING gives no order: the alarms go out earliest deadline first, as the forwards were picked. */
    private static List<Forward> inDeadlineOrder(List<Forward> raised) {
        List<Forward> sorted = new ArrayList<>(raised);
        sorted.sort(Comparator.comparing(Forward::dueDate).thenComparing(Forward::createdAt));
        return sorted;
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

    /** An instant as an element of a {@code timestamptz[]} parameter: ISO 8601, UTC. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
