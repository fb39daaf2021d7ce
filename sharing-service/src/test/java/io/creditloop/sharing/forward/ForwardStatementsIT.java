package io.creditloop.sharing.forward;

import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.sharing.v1.ForwardAction;
import io.creditloop.contracts.sharing.v1.ForwardAtRisk;
import io.creditloop.contracts.sharing.v1.ForwardOverdue;
import io.creditloop.messaging.CurrentRequestId;
import io.creditloop.messaging.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Issue 9: what sharing asks of PostgreSQL per forward. The statements are counted where PostgreSQL counts them, in
 * the test's own transaction ({@code pg_stat_xact_user_tables}: row versions written by it alone, whatever other
 * sessions do), and the outbox writes by a spy. The datasource rewrites JDBC batches ({@code reWriteBatchedInserts}),
 * as a deployment may.
 */
// neither the delivery nor the deadline watch runs by itself here, and nothing is consumed
@SpringBootTest(properties = {
        "creditloop.sharing.delivery-initial-delay=1h",
        "creditloop.sharing.deadline-watch-initial-delay=1h",
        "spring.kafka.listener.auto-startup=false",
        "creditloop.sharing.registry.follow-listing-events=false",
        "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ForwardStatementsIT {

    /** Beyond any forward the other tests record, so the delivery job of another context leaves these alone. */
    private static final Instant FAR = Instant.parse("2099-01-01T00:00:00Z");

    @Autowired
    Forwards forwards;
    @Autowired
    ForwardService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate template;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @MockitoSpyBean
    Outbox outbox;

    private final List<UUID> listings = new ArrayList<>();

    @AfterEach
    void removeForwards() {
        for (UUID listing : listings) {
            jdbc.sql("DELETE FROM department_notice WHERE listing_id = :id").param("id", listing).update();
            jdbc.sql("DELETE FROM forward WHERE listing_id = :id").param("id", listing).update();
        }
    }

    @Test
    @DisplayName("R6: insertAll tells which forwards were new and which a listing change already had, though the "
            + "driver's rewritten batches report no per-row counts; payloads sealed, request ids kept")
    void insertAllReportsDuplicatesUnderRewrittenBatches() {
        // the setting is in force: rows of a batch of INSERT ... ON CONFLICT DO NOTHING sent together as one
        // multi-row statement report SUCCESS_NO_INFO, not 1 or 0
        int[] counts = transactions.execute(tx -> {
            template.execute("CREATE TEMP TABLE rewrite_probe (k INT PRIMARY KEY) ON COMMIT DROP");
            return template.batchUpdate("INSERT INTO rewrite_probe (k) VALUES (?) ON CONFLICT DO NOTHING",
                    List.of(new Object[]{1}, new Object[]{1}, new Object[]{2}));
        });
        assertThat(counts).contains(Statement.SUCCESS_NO_INFO);

        UUID listing = listing();
        Instant now = clock.instant();
        String payload = "{\"record\":{\"idNumber\":\"420102199003071232\"}}";
        Forward existing = pending(listing, 2, "city", payload, now);
        assertThat(forwards.insert(existing)).isTrue();

        Forward again = pending(listing, 2, "city", payload, now);      // the same change: not recorded twice
        Forward province = pending(listing, 2, "province", payload, now);
        Forward nation = pending(listing, 2, "nation", payload, now);
        Forward nationAgain = pending(listing, 2, "nation", payload, now); // the same change twice in one call
        boolean[] recorded;
        try (CurrentRequestId.Scope request = CurrentRequestId.open("dept-tax-insert-all")) {
            recorded = forwards.insertAll(List.of(again, province, nation, nationAgain));
        }

        assertThat(recorded).containsExactly(false, true, true, false);
        List<Forward> stored = forwards.findByListing(listing);
        assertThat(stored).extracting(Forward::forwardId)
                .containsExactlyInAnyOrder(existing.forwardId(), province.forwardId(), nation.forwardId());
        assertThat(stored).allSatisfy(f -> assertThat(f.payload()).isEqualTo(payload));
        // R16: the ID number is sealed at rest
        assertThat(jdbc.sql("SELECT payload::text FROM forward WHERE listing_id = :id").param("id", listing)
                .query(String.class).list()).hasSize(3).noneMatch(p -> p.contains("420102199003071232"));
        assertThat(jdbc.sql("SELECT request_id FROM forward WHERE forward_id IN (:ids)")
                .param("ids", List.of(province.forwardId(), nation.forwardId())).query(String.class).list())
                .containsOnly("dept-tax-insert-all");
        assertThat(forwards.insertAll(List.of())).isEmpty();
    }

    @Test
    @DisplayName("R6: a round of the deadline watch writes each alarmed forward once: an overdue forward gets both "
            + "alarms' marks in one row version, and the alarms go out earliest deadline first")
    void eachAlarmIsOneRowVersion() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        UUID listing = listing();
        // recorded latest first, so the order of recording is not the order of the deadlines
        Forward third = pending(listing, 3, "city", LocalDate.of(1990, 1, 3), now.minusSeconds(30));
        Forward second = pending(listing, 2, "city", LocalDate.of(1990, 1, 2), now.minusSeconds(20));
        Forward first = pending(listing, 1, "city", LocalDate.of(1990, 1, 1), now.minusSeconds(10));
        Forward atRisk = pending(listing, 4, "city", today, now);
        List.of(third, second, first, atRisk).forEach(forwards::insert);
        farFuture(listing);
        Mockito.clearInvocations(outbox);

        Writes writes = transactions.execute(tx -> {
            Writes before = writes();
            service.raiseDeadlineAlarms(10_000);
            return writes().minus(before);
        });

        // one row version per alarm raised (this round may also raise alarms of forwards other tests left behind)
        assertThat(writes.outboxInserts()).isGreaterThanOrEqualTo(4);
        assertThat(writes.forwardUpdates()).isEqualTo(writes.outboxInserts());
        assertThat(jdbc.sql("""
                        SELECT forward_id, overdue_raised_at IS NOT NULL AS overdue, at_risk_raised_at IS NOT NULL AS risk
                        FROM forward WHERE listing_id = :id""").param("id", listing)
                .query((rs, n) -> rs.getObject(1, UUID.class) + " " + rs.getBoolean(2) + " " + rs.getBoolean(3))
                .list()).containsExactlyInAnyOrder(
                first.forwardId() + " true true", second.forwardId() + " true true",
                third.forwardId() + " true true", atRisk.forwardId() + " false true");

        ArgumentCaptor<List<Outbox.Message>> appended = messages();
        verify(outbox, times(1)).appendAll(appended.capture());
        verify(outbox, never()).append(anyString(), anyString(), any());
        List<String> mine = appended.getValue().stream()
                .map(m -> m.event().data())
                .filter(d -> d instanceof ForwardOverdue o && o.listingId().equals(listing)
                        || d instanceof ForwardAtRisk a && a.listingId().equals(listing))
                .map(d -> d instanceof ForwardOverdue o ? "overdue " + o.forwardId()
                        : "at-risk " + ((ForwardAtRisk) d).forwardId())
                .toList();
        assertThat(mine).containsExactly("overdue " + first.forwardId(), "overdue " + second.forwardId(),
                "overdue " + third.forwardId(), "at-risk " + atRisk.forwardId());

        // raised once: the next round raises none of these
        Mockito.clearInvocations(outbox);
        service.raiseDeadlineAlarms(10_000);
        List<Object> again = Mockito.mockingDetails(outbox).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("appendAll"))
                .flatMap(call -> ((List<?>) call.getArgument(0)).stream())
                .map(Object.class::cast)
                .toList();
        assertThat(again).noneMatch(m -> ((Outbox.Message) m).key().equals(listing.toString()));
    }

    @Test
    @DisplayName("R6, R11: the outcomes of one platform call are written together: one lock, one update, the events in "
            + "one outbox write, each with its own forward's request id; a rejection tells the department; a "
            + "forward cancelled while in flight stays cancelled")
    void outcomesOfOneCallAreRecordedTogether() {
        Instant now = clock.instant();
        UUID listing = listing();
        UUID cancelledListing = listing();
        Forward delivered1 = recorded(pending(listing, 2, "city", "{}", now), "req-delivered-1");
        Forward delivered2 = recorded(pending(listing, 2, "province", "{}", now), "req-delivered-2");
        Forward rejected = recorded(pending(listing, 2, "nation", "{}", now), "req-rejected");
        Forward failed = recorded(pending(listing, 3, "city", "{}", now), "req-failed");
        Forward cancelled = recorded(pending(cancelledListing, 1, "city", "{}", now), "req-cancelled");
        farFuture(listing);
        // R11: cancelled by the erroneous exit while its call was in flight
        jdbc.sql("UPDATE forward SET state = 'CANCELLED', next_attempt_at = NULL, in_flight_until = :until "
                        + "WHERE forward_id = :id")
                .param("until", Timestamp.from(now.plusSeconds(300))).param("id", cancelled.forwardId()).update();
        Map<UUID, DeliveryOutcome> outcomes = new LinkedHashMap<>();
        outcomes.put(delivered1.forwardId(), new DeliveryOutcome.Delivered("CITY-1"));
        outcomes.put(cancelled.forwardId(), new DeliveryOutcome.Delivered("CITY-LATE"));
        outcomes.put(rejected.forwardId(), new DeliveryOutcome.Rejected("认定依据缺失"));
        outcomes.put(failed.forwardId(), new DeliveryOutcome.Failed("HTTP 503"));
        outcomes.put(delivered2.forwardId(), new DeliveryOutcome.Delivered("PROVINCE-1"));
        Mockito.clearInvocations(outbox);

        Writes writes;
        // the delivery is a scheduler: whatever the thread works for, each event carries its forward's request
        try (CurrentRequestId.Scope scheduler = CurrentRequestId.open("scheduler-thread")) {
            writes = transactions.execute(tx -> {
                Writes before = writes();
                service.recordOutcomes(outcomes);
                return writes().minus(before);
            });
        }

        assertThat(writes.forwardUpdates()).as("one row version per forward").isEqualTo(5);
        assertThat(writes.outboxInserts()).isEqualTo(3);
        ArgumentCaptor<List<Outbox.Message>> appended = messages();
        verify(outbox, times(1)).appendAll(appended.capture());
        verify(outbox, never()).append(anyString(), anyString(), any());
        assertThat(appended.getValue()).hasSize(3);
        assertThat(jdbc.sql("""
                        SELECT event_type || ' ' || request_id FROM outbox
                        WHERE listing_id IN (:ids) ORDER BY id""")
                .param("ids", List.of(listing, cancelledListing)).query(String.class).list())
                .containsExactly(EventTypes.FORWARD_DELIVERED + " req-delivered-1",
                        EventTypes.FORWARD_REJECTED + " req-rejected",
                        EventTypes.FORWARD_DELIVERED + " req-delivered-2");

        Map<UUID, Forward> after = new LinkedHashMap<>();
        forwards.findByListing(listing).forEach(f -> after.put(f.forwardId(), f));
        forwards.findByListing(cancelledListing).forEach(f -> after.put(f.forwardId(), f));
        assertThat(after.get(delivered1.forwardId())).satisfies(f -> {
            assertThat(f.state()).isEqualTo(ForwardState.DELIVERED);
            assertThat(f.acknowledgement()).isEqualTo("CITY-1");
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.deliveredAt()).isNotNull();
        });
        assertThat(after.get(delivered2.forwardId()).acknowledgement()).isEqualTo("PROVINCE-1");
        assertThat(after.get(rejected.forwardId())).satisfies(f -> {
            assertThat(f.state()).isEqualTo(ForwardState.REJECTED);
            assertThat(f.rejectionReason()).isEqualTo("认定依据缺失");
            assertThat(f.rejectedAt()).isNotNull();
        });
        assertThat(after.get(failed.forwardId())).satisfies(f -> {
            assertThat(f.state()).isEqualTo(ForwardState.PENDING);
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.lastError()).isEqualTo("HTTP 503");
        });
        assertThat(after.get(cancelled.forwardId())).satisfies(f -> {
            assertThat(f.state()).isEqualTo(ForwardState.CANCELLED);
            assertThat(f.attempts()).isZero();
            assertThat(f.acknowledgement()).isNull();
        });
        // the failed one waits for its backoff; neither is in flight any more
        assertThat(jdbc.sql("""
                        SELECT forward_id::text || ' ' || coalesce((next_attempt_at > :now)::text, 'none') || ' '
                            || (in_flight_until IS NULL)
                        FROM forward WHERE forward_id IN (:ids)""")
                .param("now", Timestamp.from(now))
                .param("ids", List.of(failed.forwardId(), cancelled.forwardId())).query(String.class).list())
                .containsExactlyInAnyOrder(failed.forwardId() + " true true", cancelled.forwardId() + " none true");
        // R6: the recognising department is told of the rejection, in the same transaction
        assertThat(jdbc.sql("SELECT department || ' ' || platform || ' ' || reason FROM department_notice "
                        + "WHERE forward_id = :id").param("id", rejected.forwardId()).query(String.class).list())
                .containsExactly("tax nation 认定依据缺失");
    }

    @Test
    @DisplayName("R6: if one outcome of a call cannot be recorded, none of the call's is kept (the delivery then "
            + "records them one at a time)")
    void aFailedCallKeepsNothing() {
        Instant now = clock.instant();
        UUID listing = listing();
        Forward forward = recorded(pending(listing, 2, "city", "{}", now), "req-kept");
        farFuture(listing);
        Map<UUID, DeliveryOutcome> outcomes = new LinkedHashMap<>();
        outcomes.put(forward.forwardId(), new DeliveryOutcome.Delivered("CITY-1"));
        outcomes.put(UUID.randomUUID(), new DeliveryOutcome.Delivered("CITY-2"));

        assertThatThrownBy(() -> service.recordOutcomes(outcomes)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no forward");

        assertThat(forwards.findByListing(listing)).singleElement().satisfies(f -> {
            assertThat(f.state()).isEqualTo(ForwardState.PENDING);
            assertThat(f.attempts()).isZero();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE listing_id = :id").param("id", listing)
                .query(Long.class).single()).isZero();

        service.recordOutcome(forward.forwardId(), new DeliveryOutcome.Delivered("CITY-1"));
        assertThat(forwards.findByListing(listing)).singleElement().extracting(Forward::state)
                .isEqualTo(ForwardState.DELIVERED);
        assertThat(jdbc.sql("SELECT request_id FROM outbox WHERE listing_id = :id").param("id", listing)
                .query(String.class).list()).containsExactly("req-kept");
    }

    /** Rows this transaction has written so far. */
    private record Writes(long forwardUpdates, long outboxInserts) {
        Writes minus(Writes before) {
            return new Writes(forwardUpdates - before.forwardUpdates, outboxInserts - before.outboxInserts);
        }
    }

    private Writes writes() {
        return jdbc.sql("""
                        SELECT (SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_xact_user_tables
                                WHERE schemaname = current_schema() AND relname = 'forward'),
                               (SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_xact_user_tables
                                WHERE schemaname = current_schema() AND relname = 'outbox')""")
                .query((rs, n) -> new Writes(rs.getLong(1), rs.getLong(2))).single();
    }

    private UUID listing() {
        UUID id = UUID.randomUUID();
        listings.add(id);
        return id;
    }

    private Forward recorded(Forward forward, String requestId) {
        try (CurrentRequestId.Scope request = CurrentRequestId.open(requestId)) {
            assertThat(forwards.insert(forward)).isTrue();
        }
        return forward;
    }

    /** Not due for an attempt before 2099, so no delivery (of any context in this JVM) claims them. */
    private void farFuture(UUID listing) {
        jdbc.sql("UPDATE forward SET next_attempt_at = :at WHERE listing_id = :id AND state = 'PENDING'")
                .param("at", Timestamp.from(FAR)).param("id", listing).update();
    }

    private static Forward pending(UUID listing, long version, String platform, String payload, Instant now) {
        return Forward.pending(UUID.randomUUID(), listing, version, platform, ForwardAction.LISTING, payload,
                LocalDate.of(2099, 1, 10), now, "tax");
    }

    private static Forward pending(UUID listing, long version, String platform, LocalDate due, Instant createdAt) {
        return Forward.pending(UUID.randomUUID(), listing, version, platform, ForwardAction.LISTING, "{}", due,
                createdAt, "tax");
    }

    @SuppressWarnings("unchecked")
    private static ArgumentCaptor<List<Outbox.Message>> messages() {
        return ArgumentCaptor.forClass(List.class);
    }
}
