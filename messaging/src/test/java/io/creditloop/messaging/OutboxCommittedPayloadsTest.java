package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Issue 9: the relay sends the events this process committed from memory. Only a committed transaction's events are
 * kept, as they were made (not as they are stored, sealed); a rolled-back one's never; and never more than the bound.
 */
class OutboxCommittedPayloadsTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final EventCodec codec = new EventCodec();
    /** Stands for the security module's sealing: what is stored differs from what was made. */
    private final PayloadProtection sealing = new PayloadProtection() {
        @Override
        public String seal(String json) {
            return "sealed:" + json;
        }

        @Override
        public String open(String stored) {
            return stored.substring("sealed:".length());
        }
    };
    private final Outbox outbox = new Outbox(jdbc, codec, sealing);
    private final AtomicInteger prompts = new AtomicInteger();

    {
        when(jdbc.execute(any(ConnectionCallback.class))).thenReturn(1L);
        when(jdbc.update(anyString(), any(Object[].class))).thenReturn(1);
        outbox.afterCommit(prompts::incrementAndGet);
    }

    @AfterEach
    void endSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    @DisplayName("a committed transaction's events are kept by event id as they were made, then the relay is prompted")
    void committedKept() {
        Envelope<DecisionMade> first = event();
        Envelope<DecisionMade> second = event();
        Envelope<DecisionMade> third = event();

        complete(TransactionSynchronization.STATUS_COMMITTED, () -> {
            outbox.appendAll(List.of(new Outbox.Message("topic", "key", first),
                    new Outbox.Message("topic", "key", second)));
            outbox.append("topic", "key", third);
        });

        CommittedPayloads kept = outbox.committed();
        assertThat(kept.size()).isEqualTo(3);
        for (Envelope<DecisionMade> e : List.of(first, second, third)) {
            assertThat(kept.get(e.id())).isEqualTo(codec.encode(e)).doesNotStartWith("sealed:");
        }
        assertThat(prompts).hasValue(1);
        kept.removeAll(List.of(first.id(), third.id()));
        assertThat(kept.get(first.id())).isNull();
        assertThat(kept.get(second.id())).isEqualTo(codec.encode(second));
    }

    @Test
    @DisplayName("one event is one INSERT (one round trip), several are one COPY; both kept for the relay alike")
    void oneEventInsertedSeveralCopied() {
        Envelope<DecisionMade> single = event();
        Envelope<DecisionMade> first = event();
        Envelope<DecisionMade> second = event();

        complete(TransactionSynchronization.STATUS_COMMITTED,
                () -> outbox.appendAll(List.of(new Outbox.Message("audit", "k1", single))));

        verify(jdbc).update(startsWith("INSERT INTO outbox"), eq(UUID.fromString(single.id())), eq("audit"),
                eq("k1"), eq(single.type()), eq("sealed:" + codec.encode(single)), eq(single.data().listingId()),
                isNull()); // no request id: none in the logging context
        verify(jdbc, never()).execute(any(ConnectionCallback.class));

        complete(TransactionSynchronization.STATUS_COMMITTED, () -> outbox.appendAll(List.of(
                new Outbox.Message("audit", "k2", first), new Outbox.Message("audit", "k3", second))));

        verify(jdbc, times(1)).execute(any(ConnectionCallback.class));
        verify(jdbc, times(1)).update(anyString(), any(Object[].class));
        for (Envelope<DecisionMade> e : List.of(single, first, second)) {
            assertThat(outbox.committed().get(e.id())).isEqualTo(codec.encode(e));
        }
    }

    @Test
    @DisplayName("a rolled-back transaction's events are never kept, and the relay is not prompted")
    void rolledBackDropped() {
        Envelope<DecisionMade> lost = event();

        complete(TransactionSynchronization.STATUS_ROLLED_BACK,
                () -> outbox.appendAll(List.of(new Outbox.Message("topic", "key", lost))));

        assertThat(outbox.committed().size()).isZero();
        assertThat(outbox.committed().get(lost.id())).isNull();
        assertThat(prompts).hasValue(0);
    }

    @Test
    @DisplayName("past the bound events are not kept (the relay reads them from the table); a full memory is forgotten "
            + "when the relay finds the outbox empty")
    void bounded() {
        CommittedPayloads kept = new CommittedPayloads(2);
        kept.addAll(Map.of("a", "1", "b", "2", "c", "3"));
        assertThat(kept.size()).isEqualTo(2);
        kept.removeAll(List.of("a", "b", "c"));
        kept.addAll(Map.of("d", "4"));
        kept.forgetIfFull();
        assertThat(kept.get("d")).isEqualTo("4");
        kept.addAll(Map.of("e", "5"));
        kept.forgetIfFull();
        assertThat(kept.size()).isZero();
    }

    /** Runs {@code appends} as a transaction's body, then completes it with {@code status}. */
    private static void complete(int status, Runnable appends) {
        TransactionSynchronizationManager.initSynchronization();
        appends.run();
        List<TransactionSynchronization> synchronizations =
                new ArrayList<>(TransactionSynchronizationManager.getSynchronizations());
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(s -> s.afterCompletion(status));
    }

    private static Envelope<DecisionMade> event() {
        Instant now = Instant.now();
        UUID listingId = UUID.randomUUID();
        return Envelope.of("/repair-service", EventTypes.DECISION_MADE, now, listingId.toString(),
                new DecisionMade(UUID.randomUUID(), listingId, "OBJECTION", UUID.randomUUID(),
                        DecisionKind.ERRONEOUS_EXIT, "tax", "错误", now));
    }
}
