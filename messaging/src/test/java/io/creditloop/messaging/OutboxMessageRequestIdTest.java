package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.MDC;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Issue 9: events of several requests appended together (one platform call's outcomes in sharing) each keep their
 * own request id; a message without one keeps the thread's, as before.
 */
class OutboxMessageRequestIdTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final Outbox outbox = new Outbox(jdbc, new EventCodec());

    @AfterEach
    void clean() {
        MDC.clear();
    }

    @Test
    @DisplayName("one message: its own request id goes into the INSERT, not the thread's; none given is none")
    void singleInsertTakesTheMessagesOwn() {
        Envelope<DecisionMade> own = event();
        Envelope<DecisionMade> none = event();
        try (CurrentRequestId.Scope thread = CurrentRequestId.open("req-thread")) {
            outbox.appendAll(List.of(new Outbox.Message("topic", "k", own).forRequest("req-own")));
            outbox.appendAll(List.of(new Outbox.Message("topic", "k", none).forRequest(null)));
        }

        verify(jdbc).update(startsWithInsert(), eq(UUID.fromString(own.id())), any(), any(), any(), any(), any(),
                eq("req-own"));
        verify(jdbc).update(startsWithInsert(), eq(UUID.fromString(none.id())), any(), any(), any(), any(), any(),
                (Object) eq(null));
    }

    @Test
    @DisplayName("several messages, one COPY: each row has its message's own request id, or the thread's if it has none")
    void copyTakesEachMessagesOwn() throws Exception {
        Connection connection = mock(Connection.class);
        PGConnection pg = mock(PGConnection.class);
        CopyManager copyApi = mock(CopyManager.class);
        CopyIn copy = mock(CopyIn.class);
        when(connection.unwrap(PGConnection.class)).thenReturn(pg);
        when(pg.getCopyAPI()).thenReturn(copyApi);
        when(copyApi.copyIn(anyString())).thenReturn(copy);
        when(jdbc.execute(any(ConnectionCallback.class))).thenAnswer(call ->
                ((ConnectionCallback<?>) call.getArgument(0)).doInConnection(connection));

        try (CurrentRequestId.Scope thread = CurrentRequestId.open("req-thread")) {
            outbox.appendAll(List.of(
                    new Outbox.Message("topic", "k1", event()).forRequest("req-first"),
                    new Outbox.Message("topic", "k2", event()).forRequest(null),
                    new Outbox.Message("topic", "k3", event())));
        }

        ArgumentCaptor<byte[]> data = ArgumentCaptor.forClass(byte[].class);
        ArgumentCaptor<Integer> length = ArgumentCaptor.forClass(Integer.class);
        verify(copy).writeToCopy(data.capture(), eq(0), length.capture());
        List<String> requestIds = Arrays.stream(
                        new String(data.getValue(), 0, length.getValue(), StandardCharsets.UTF_8).split("\n"))
                .map(row -> row.substring(row.lastIndexOf('\t') + 1)).toList();
        assertThat(requestIds).containsExactly("req-first", "\\N", "req-thread");
    }

    private static String startsWithInsert() {
        return org.mockito.ArgumentMatchers.startsWith("INSERT INTO outbox");
    }

    private static Envelope<DecisionMade> event() {
        Instant now = Instant.now();
        UUID listingId = UUID.randomUUID();
        return Envelope.of("/repair-service", EventTypes.DECISION_MADE, now, listingId.toString(),
                new DecisionMade(UUID.randomUUID(), listingId, "OBJECTION", UUID.randomUUID(),
                        DecisionKind.ERRONEOUS_EXIT, "tax", "错误", now));
    }
}
