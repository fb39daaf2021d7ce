package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ForwardDeliveryTest {

    private static final Instant NOW = Instant.parse("2025-10-09T02:00:00Z");
    private static final URI CITY_URL = URI.create("http://127.0.0.1:1/city");
    private static final URI PROVINCE_URL = URI.create("http://127.0.0.1:1/province");

    private final Forwards forwards = mock(Forwards.class);
    private final ForwardService service = mock(ForwardService.class);
    private final PlatformClient client = mock(PlatformClient.class);
    private final SharingProperties properties = new SharingProperties(List.of(
            new SharingProperties.Platform("city", CITY_URL, 7),
            new SharingProperties.Platform("province", PROVINCE_URL, 10)),
            10, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(1),
            Duration.ofMinutes(5));
    private final ForwardDelivery delivery = new ForwardDelivery(forwards, service, client, properties,
            Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));

    @Test
    @DisplayName("R6: once a platform failed in a tick, its other forwards are given back untried; others go on")
    void failingPlatformIsNotTriedAgainInTheSameTick() {
        Forward city1 = forward("city");
        Forward city2 = forward("city");
        Forward province = forward("province");
        when(forwards.claimDue(NOW, Duration.ofMinutes(5), 10)).thenReturn(List.of(city1, city2, province));
        DeliveryOutcome down = new DeliveryOutcome.Failed("HTTP 503");
        DeliveryOutcome delivered = new DeliveryOutcome.Delivered("PROVINCE-1");
        when(client.send(CITY_URL, city1)).thenReturn(down);
        when(client.send(PROVINCE_URL, province)).thenReturn(delivered);

        delivery.deliverDue();

        verify(service).recordOutcome(city1.forwardId(), down);
        verify(service).recordOutcome(province.forwardId(), delivered);
        verify(client, never()).send(any(), eq(city2));
        verify(forwards).release(List.of(city2.forwardId()), NOW.plusSeconds(1));
    }

    @Test
    @DisplayName("a forward to a platform no longer configured fails visibly instead of being dropped")
    void unconfiguredPlatformFails() {
        Forward nation = forward("nation");
        when(forwards.claimDue(NOW, Duration.ofMinutes(5), 10)).thenReturn(List.of(nation));

        delivery.deliverDue();

        verify(service).recordOutcome(eq(nation.forwardId()), any(DeliveryOutcome.Failed.class));
    }

    private static Forward forward(String platform) {
        return Forward.pending(UUID.randomUUID(), UUID.randomUUID(), 2, platform, ForwardAction.LISTING, "{}",
                LocalDate.of(2025, 10, 16), NOW);
    }
}
