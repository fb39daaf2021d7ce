package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ForwardDeliveryTest {

    private static final Instant NOW = Instant.parse("2025-10-09T02:00:00Z");

    private final Forwards forwards = mock(Forwards.class);
    private final ForwardService service = mock(ForwardService.class);
    private final UpstreamPlatforms platforms = mock(UpstreamPlatforms.class);
    private final UpstreamPlatform city = mock(UpstreamPlatform.class);
    private final UpstreamPlatform province = mock(UpstreamPlatform.class);
    private final SharingProperties properties = new SharingProperties(List.of(
            new SharingProperties.Platform("city", URI.create("http://127.0.0.1:1/city"), 7),
            new SharingProperties.Platform("province", URI.create("http://127.0.0.1:1/province"), 10)),
            3, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(1),
            Duration.ofMinutes(5));
    private final ForwardDelivery delivery = new ForwardDelivery(forwards, service, platforms, properties,
            Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));

    ForwardDeliveryTest() {
        when(platforms.get("city")).thenReturn(Optional.of(city));
        when(platforms.get("province")).thenReturn(Optional.of(province));
        when(platforms.get("nation")).thenReturn(Optional.empty());
    }

    @Test
    @DisplayName("R6: each platform gets its share of a batch; deferred forwards are given back without an attempt")
    void deferredForwardsAreGivenBack() {
        Forward city1 = forward("city");
        Forward city2 = forward("city");
        Forward prov = forward("province");
        when(forwards.claimDue(NOW, Duration.ofMinutes(5), 3)).thenReturn(List.of(city1, prov, city2), List.of());
        DeliveryOutcome down = new DeliveryOutcome.Failed("HTTP 503");
        DeliveryOutcome deferred = new DeliveryOutcome.Deferred("platform city failed earlier in this batch");
        DeliveryOutcome delivered = new DeliveryOutcome.Delivered("PROVINCE-1");
        when(city.deliver(List.of(city1, city2))).thenReturn(List.of(down, deferred));
        when(province.deliver(List.of(prov))).thenReturn(List.of(delivered));

        delivery.deliverDue();

        verify(service).recordOutcomes(Map.of(city1.forwardId(), down));
        verify(service).recordOutcomes(Map.of(prov.forwardId(), delivered));
        verify(service, never()).recordOutcome(any(), any());
        verify(forwards).release(List.of(city2.forwardId()), NOW.plusSeconds(1));
        // a platform failed: the worker stops after this batch although it was full
        verify(forwards, times(1)).claimDue(any(), any(), anyInt());
    }

    @Test
    @DisplayName("R6: a backlog drains batch after batch while every platform answers")
    void backlogDrainsInOneRound() {
        List<Forward> first = List.of(forward("city"), forward("city"), forward("city"));
        List<Forward> second = List.of(forward("city"));
        when(forwards.claimDue(NOW, Duration.ofMinutes(5), 3)).thenReturn(first, second, List.of());
        when(city.deliver(any())).thenAnswer(call -> ((List<?>) call.getArgument(0)).stream()
                .map(f -> (DeliveryOutcome) new DeliveryOutcome.Delivered("CITY")).toList());

        delivery.deliverDue();

        verify(forwards, times(2)).claimDue(any(), any(), anyInt());
        ArgumentCaptor<Map<UUID, DeliveryOutcome>> recorded = mapCaptor();
        verify(service, times(2)).recordOutcomes(recorded.capture());
        assertThat(recorded.getAllValues().get(0)).containsOnlyKeys(first.stream().map(Forward::forwardId).toList());
        assertThat(recorded.getAllValues().get(1)).containsOnlyKeys(second.get(0).forwardId());
        assertThat(recorded.getAllValues()).allSatisfy(batch -> assertThat(batch.values())
                .allMatch(DeliveryOutcome.Delivered.class::isInstance));
    }

    @Test
    @DisplayName("R6: if a platform call's outcomes cannot be recorded together, each is recorded on its own, and one that fails does not stop the others")
    void outcomesFallBackToOneAtATime() {
        List<Forward> batch = List.of(forward("city"), forward("city"), forward("city"));
        when(forwards.claimDue(NOW, Duration.ofMinutes(5), 3)).thenReturn(batch, List.of());
        when(city.deliver(any())).thenAnswer(call -> ((List<?>) call.getArgument(0)).stream()
                .map(f -> (DeliveryOutcome) new DeliveryOutcome.Delivered("CITY")).toList());
        doThrow(new IllegalStateException("deadlock detected")).when(service).recordOutcomes(any());
        doThrow(new IllegalStateException("no forward")).when(service)
                .recordOutcome(eq(batch.get(1).forwardId()), any());

        delivery.deliverDue();

        for (Forward f : batch) {
            verify(service).recordOutcome(eq(f.forwardId()), any(DeliveryOutcome.Delivered.class));
        }
    }

    @SuppressWarnings("unchecked")
    private static ArgumentCaptor<Map<UUID, DeliveryOutcome>> mapCaptor() {
        return ArgumentCaptor.forClass(Map.class);
    }

    @Test
    @DisplayName("a forward to a platform no longer configured fails visibly instead of being dropped")
    void unconfiguredPlatformFails() {
        Forward nation = forward("nation");
        when(forwards.claimDue(NOW, Duration.ofMinutes(5), 3)).thenReturn(List.of(nation));

        delivery.deliverDue();

        ArgumentCaptor<Map<UUID, DeliveryOutcome>> recorded = mapCaptor();
        verify(service).recordOutcomes(recorded.capture());
        assertThat(recorded.getValue()).containsOnlyKeys(nation.forwardId());
        assertThat(recorded.getValue().get(nation.forwardId())).isInstanceOf(DeliveryOutcome.Failed.class);
    }

    private static Forward forward(String platform) {
        return Forward.pending(UUID.randomUUID(), UUID.randomUUID(), 2, platform, ForwardAction.LISTING, "{}",
                LocalDate.of(2025, 10, 16), NOW);
    }
}
