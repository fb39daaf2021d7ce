package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;
import io.creditloop.messaging.EventCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The HTTP adapter behind Resilience4j: retry, circuit breaker, deferral. The platform is a mock: no timing. */
class UpstreamPlatformsTest {

    private static final URI CITY = URI.create("http://127.0.0.1:1/city/records");
    private static final Instant NOW = Instant.parse("2026-03-05T01:00:00Z");

    private final PlatformClient client = mock(PlatformClient.class);
    private final Forwards forwards = mock(Forwards.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UpstreamPlatforms platforms = new UpstreamPlatforms(new SharingProperties(
            List.of(new SharingProperties.Platform("city", CITY, 7)), 10, Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(5), 1,
            new SharingProperties.Resilience(3, Duration.ofMillis(1), Duration.ofMillis(2), 50, 4, 4,
                    Duration.ofHours(1), 1, 2, Duration.ZERO)),
            client, forwards, new EventCodec(), Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")), meters);
    private final UpstreamPlatform city = platforms.get("city").orElseThrow();

    UpstreamPlatformsTest() {
        when(forwards.isPending(any())).thenReturn(true);
    }

    @Test
    @DisplayName("R6: a failed call is retried with the same forward (same Idempotency-Key) before it counts as failed")
    void retriedBeforeFailing() {
        Forward forward = forward();
        when(client.send(CITY, forward)).thenReturn(new DeliveryOutcome.Failed("HTTP 503"),
                new DeliveryOutcome.Delivered("CITY-1"));

        assertThat(city.deliver(List.of(forward))).containsExactly(new DeliveryOutcome.Delivered("CITY-1"));
        verify(client, times(2)).send(CITY, forward);
    }

    @Test
    @DisplayName("R11: a forward cancelled between two calls is not sent again")
    void cancelledForwardNotRetried() {
        Forward forward = forward();
        when(client.send(CITY, forward)).thenReturn(new DeliveryOutcome.Failed("HTTP 503"));
        when(forwards.isPending(forward.forwardId())).thenReturn(false);

        assertThat(city.deliver(List.of(forward))).singleElement().isInstanceOf(DeliveryOutcome.Deferred.class);
        verify(client, times(1)).send(CITY, forward);
    }

    @Test
    @DisplayName("R6: a refusal is final at once, not retried, and does not count against the circuit")
    void rejectionNotRetried() {
        Forward forward = forward();
        when(client.send(CITY, forward)).thenReturn(new DeliveryOutcome.Rejected("认定依据缺失"));

        assertThat(city.deliver(List.of(forward))).containsExactly(new DeliveryOutcome.Rejected("认定依据缺失"));
        verify(client, times(1)).send(CITY, forward);
        assertThat(platforms.circuitStates()).containsEntry("city", "CLOSED");
    }

    @Test
    @DisplayName("R6: after a failed call the rest of the batch is deferred, not sent into the outage")
    void restOfBatchDeferred() {
        Forward first = forward();
        Forward second = forward();
        when(client.send(CITY, first)).thenReturn(new DeliveryOutcome.Failed("connection refused"));

        List<DeliveryOutcome> outcomes = city.deliver(List.of(first, second));

        assertThat(outcomes.get(0)).isEqualTo(new DeliveryOutcome.Failed("connection refused"));
        assertThat(outcomes.get(1)).isInstanceOf(DeliveryOutcome.Deferred.class);
        verify(client, times(0)).send(eq(CITY), eq(second));
    }

    @Test
    @DisplayName("R6: once the circuit is open the platform is not called; forwards are deferred, attempts not counted")
    void openCircuitDefers() {
        when(client.send(eq(CITY), any())).thenReturn(new DeliveryOutcome.Failed("HTTP 503"));
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outcomes.addAll(city.deliver(List.of(forward())));
        }
        // 3 attempts each; the 4th call (minimum calls) opens the circuit in the second delivery
        assertThat(platforms.circuitStates()).containsEntry("city", "OPEN");
        assertThat(outcomes).last().isInstanceOf(DeliveryOutcome.Deferred.class);
        verify(client, times(4)).send(eq(CITY), any());
        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "upstream-city").gauges()).isNotEmpty();
    }

    private static Forward forward() {
        return Forward.pending(UUID.randomUUID(), UUID.randomUUID(), 2, "city", ForwardAction.LISTING, "{}",
                LocalDate.of(2026, 3, 9), NOW);
    }
}
