package io.creditloop.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.RequestIds;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** The request id a thread works for, as the outbox, the listeners and the audit records see it. */
class CurrentRequestIdTest {

    @AfterEach
    void clean() {
        MDC.clear();
    }

    @Test
    @DisplayName("a scope puts the id in the logging context and gives back the one before it when it closes")
    void scopesNest() {
        assertThat(CurrentRequestId.get()).isNull();
        try (CurrentRequestId.Scope outer = CurrentRequestId.open("req-outer-1")) {
            assertThat(MDC.get(RequestIds.MDC_KEY)).isEqualTo("req-outer-1");
            try (CurrentRequestId.Scope inner = CurrentRequestId.open(null)) {
                assertThat(CurrentRequestId.get()).isNull();
            }
            try (CurrentRequestId.Scope inner = CurrentRequestId.open("req-inner-1")) {
                assertThat(CurrentRequestId.get()).isEqualTo("req-inner-1");
            }
            assertThat(CurrentRequestId.get()).isEqualTo("req-outer-1");
        }
        assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
    }

    @Test
    @DisplayName("in a batch of several requests' events, an event about a listing gets the id that listing came with; others the thread's")
    void byListing() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (CurrentRequestId.Scope thread = CurrentRequestId.open("req-thread");
             CurrentRequestId.Scope batch = CurrentRequestId.byListing(Map.of(a, "req-a-0001", b, "req-b-0001"))) {
            assertThat(CurrentRequestId.of(a)).isEqualTo("req-a-0001");
            assertThat(CurrentRequestId.of(b)).isEqualTo("req-b-0001");
            assertThat(CurrentRequestId.of(UUID.randomUUID())).isEqualTo("req-thread");
            assertThat(CurrentRequestId.of(null)).isEqualTo("req-thread");
        }
        assertThat(CurrentRequestId.of(a)).isNull();
    }

    @Test
    @DisplayName("a Kafka record's id is taken only if well-formed: a forged header is not logged or carried on")
    void carriedByRecord() {
        assertThat(CurrentRequestId.carriedBy(record("req-kafka-01"))).isEqualTo("req-kafka-01");
        assertThat(CurrentRequestId.carriedBy(record(null))).isNull();
        assertThat(CurrentRequestId.carriedBy(record("req\nforged line"))).isNull();
        assertThat(CurrentRequestId.carriedBy(record("x".repeat(65)))).isNull();
        assertThat(CurrentRequestId.carriedBy(record("x".repeat(10_000)))).isNull();
    }

    @Test
    @DisplayName("a record listener handles a record with its request id in the logging context, gone afterwards")
    void interceptor() {
        RequestIdInterceptor interceptor = new RequestIdInterceptor();
        @SuppressWarnings("unchecked")
        ConsumerRecord<Object, Object> carrying = (ConsumerRecord<Object, Object>) (ConsumerRecord<?, ?>)
                record("req-record-1");
        @SuppressWarnings("unchecked")
        ConsumerRecord<Object, Object> bare = (ConsumerRecord<Object, Object>) (ConsumerRecord<?, ?>) record(null);

        interceptor.intercept(carrying, null);
        assertThat(CurrentRequestId.get()).isEqualTo("req-record-1");
        interceptor.afterRecord(carrying, null);
        assertThat(CurrentRequestId.get()).isNull();

        interceptor.intercept(carrying, null);
        interceptor.intercept(bare, null); // the next record without afterRecord (a failure): no id left over
        assertThat(CurrentRequestId.get()).isNull();
        interceptor.clearThreadState(null);
        assertThat(CurrentRequestId.get()).isNull();
    }

    @Test
    @DisplayName("the outbox stores each event with the request id it was appended for, in the same insert")
    void outboxStoresIt() {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        Outbox outbox = new Outbox(jdbc, new EventCodec());
        UUID listingId = UUID.randomUUID();
        Instant now = Instant.now();
        Envelope<DecisionMade> event = Envelope.of("/repair-service", EventTypes.DECISION_MADE, now,
                listingId.toString(), new DecisionMade(UUID.randomUUID(), listingId, "OBJECTION", UUID.randomUUID(),
                        DecisionKind.ERRONEOUS_EXIT, "tax", "错误", now));

        try (CurrentRequestId.Scope request = CurrentRequestId.open("req-outbox-1")) {
            outbox.append("topic", "key", event);
        }

        ArgumentCaptor<Object> values = ArgumentCaptor.forClass(Object.class);
        verify(jdbc).update(anyString(), values.capture(), values.capture(), values.capture(), values.capture(),
                values.capture(), values.capture(), values.capture());
        assertThat(values.getAllValues()).hasSize(7).endsWith(listingId, "req-outbox-1");
    }

    private static ConsumerRecord<String, String> record(String requestId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("topic", 0, 0, "key", "{}");
        if (requestId != null) {
            record.headers().add(RequestIds.HEADER, requestId.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
