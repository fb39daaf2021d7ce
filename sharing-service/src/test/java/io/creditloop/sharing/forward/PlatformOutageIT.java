package io.creditloop.sharing.forward;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.contracts.sharing.v1.ForwardAtRisk;
import io.creditloop.messaging.EventCodec;
import io.creditloop.sharing.forward.web.ForwardView;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R6 over simulated days: the test owns the clock (a {@link MutableClock} bean replaces messaging's), the platforms
 * are real HTTP servers on 127.0.0.1 that are down until a simulated instant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "creditloop.sharing.delivery-interval=100ms",
        "creditloop.sharing.delivery-initial-delay=0s",
        "creditloop.sharing.deadline-watch-interval=200ms",
        "creditloop.sharing.deadline-watch-initial-delay=0s",
        "creditloop.sharing.retry-initial=100ms",
        "creditloop.sharing.retry-max=200ms",
        "creditloop.sharing.connect-timeout=1s",
        "creditloop.sharing.read-timeout=2s",
        "creditloop.sharing.resilience.retry-wait=10ms",
        "creditloop.sharing.resilience.retry-wait-max=20ms",
        "creditloop.sharing.resilience.open-for=300ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PlatformOutageIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final MutableClock CLOCK = new MutableClock(at(2026, 3, 5, 9), SHANGHAI);
    private static final FakePlatform PLATFORMS = start();

    @TestConfiguration
    static class SimulatedTime {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ForwardService service;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry registry) {
        // Huangshi-style: the city platform within 5 working days (004 §4(二)); the province within 10 (001 §9)
        registry.add("creditloop.sharing.platforms[0].code", () -> "city");
        registry.add("creditloop.sharing.platforms[0].url", () -> PLATFORMS.url("city"));
        registry.add("creditloop.sharing.platforms[0].deadline-working-days", () -> 5);
        registry.add("creditloop.sharing.platforms[1].code", () -> "province");
        registry.add("creditloop.sharing.platforms[1].url", () -> PLATFORMS.url("province"));
        registry.add("creditloop.sharing.platforms[1].deadline-working-days", () -> 10);
    }

    @AfterAll
    static void stopPlatforms() {
        PLATFORMS.close();
    }

    @Test
    @DisplayName("R6: both platforms down for 3 simulated days (Thu 09:00 to Sun 09:00): the city forwards due Monday "
            + "raise at-risk alarms on Friday, once each, and every forward is delivered exactly once after the outage")
    void threeDayOutage() {
        CLOCK.set(at(2026, 3, 5, 9));
        Instant outageEnds = at(2026, 3, 8, 9);
        PLATFORMS.downUntil("city", outageEnds);
        PLATFORMS.downUntil("province", outageEnds);
        // recognised Monday 2026-03-02: city due Monday 03-09 (5 working days), province Monday 03-16 (10)
        List<UUID> listings = new ArrayList<>();
        try (TopicProbe events = TopicProbe.of(bootstrapServers, Topics.SHARING_EVENTS)) {
            for (int i = 0; i < 20; i++) {
                UUID listingId = UUID.randomUUID();
                listings.add(listingId);
                publish(confirmed(listingId, LocalDate.of(2026, 3, 2)));
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(forwardsOf(listings)).hasSize(40)
                    .allSatisfy(f -> assertThat(f.state()).isEqualTo(ForwardState.PENDING)));
            await().atMost(WAIT).until(() -> PLATFORMS.requests().stream().anyMatch(r -> r.status() == 503));
            assertThat(forwardsOf(listings)).filteredOn(f -> f.platform().equals("city"))
                    .extracting(ForwardView::dueDate).containsOnly(LocalDate.of(2026, 3, 9));
            assertThat(forwardsOf(listings)).filteredOn(f -> f.platform().equals("province"))
                    .extracting(ForwardView::dueDate).containsOnly(LocalDate.of(2026, 3, 16));

            // Thursday: Friday and Monday are left, not yet at risk
            service.raiseDeadlineAlarms(500);
            assertThat(alarms(EventTypes.FORWARD_AT_RISK, listings)).isEmpty();

            // Friday 09:00, still down: only Monday is left for the city forwards
            CLOCK.set(at(2026, 3, 6, 9));
            await().atMost(WAIT).untilAsserted(() -> assertThat(alarms(EventTypes.FORWARD_AT_RISK, listings))
                    .hasSize(20).allSatisfy((forwardId, count) -> assertThat(count).isEqualTo(1)));
            assertThat(forwardsOf(listings)).filteredOn(f -> f.deadline() == DeadlineStatus.AT_RISK)
                    .extracting(ForwardView::platform).hasSize(20).containsOnly("city");
            ConsumerRecord<String, String> atRisk = events.awaitOne(
                    r -> r.value().contains(EventTypes.FORWARD_AT_RISK) && r.value().contains(listings.get(0).toString()),
                    WAIT);
            ForwardAtRisk alarm = (ForwardAtRisk) codec.decode(atRisk.value()).data();
            assertThat(alarm.department()).isEqualTo("tax");
            assertThat(alarm.workingDaysLeft()).isEqualTo(1);
            assertThat(alarm.dueDate()).isEqualTo(LocalDate.of(2026, 3, 9));
            assertThat(alarm.raisedAt()).isBefore(at(2026, 3, 9, 0)); // before the deadline day even starts
            assertThat(PLATFORMS.requests()).noneMatch(r -> r.status() < 300 && ours(r, listings));

            // Saturday, still down; Sunday 09:00 the outage ends
            CLOCK.set(at(2026, 3, 7, 9));
            CLOCK.set(outageEnds);
            await().atMost(WAIT).untilAsserted(() -> assertThat(forwardsOf(listings)).hasSize(40)
                    .allSatisfy(f -> assertThat(f.state()).isEqualTo(ForwardState.DELIVERED)));
        }

        // exactly once: one accepted record per listing and platform, under the forward's own Idempotency-Key
        List<FakePlatform.Request> accepted = PLATFORMS.requests().stream()
                .filter(r -> r.status() == 201 && ours(r, listings)).toList();
        assertThat(accepted).hasSize(40);
        assertThat(accepted.stream().map(r -> r.platform() + "/" + r.body().path("listingId").asText()).distinct())
                .hasSize(40);
        assertThat(accepted).extracting(FakePlatform.Request::idempotencyKey)
                .containsExactlyInAnyOrderElementsOf(forwardsOf(listings).stream()
                        .map(f -> f.forwardId().toString()).toList());
        // the alarms stay raised once; nothing was overdue
        service.raiseDeadlineAlarms(500);
        assertThat(alarms(EventTypes.FORWARD_AT_RISK, listings)).hasSize(20).containsOnlyKeys(
                forwardsOf(listings).stream().filter(f -> f.platform().equals("city"))
                        .map(f -> f.forwardId().toString()).toArray(String[]::new))
                .allSatisfy((forwardId, count) -> assertThat(count).isEqualTo(1));
        assertThat(alarms(EventTypes.FORWARD_OVERDUE, listings)).isEmpty();
    }

    @Test
    @DisplayName("R6: a forward still undelivered after its due date raises one overdue alarm, and is delivered late "
            + "once the platform is back")
    void overdueWhileDown() {
        // Monday 2026-04-13; recognised Monday 03-30, Qingming (04-04..04-06) off: city due Tue 04-07, province 04-14
        CLOCK.set(at(2026, 4, 13, 9));
        PLATFORMS.downUntil("city", at(2027, 1, 1, 0));
        PLATFORMS.downUntil("province", at(2027, 1, 1, 0));
        List<UUID> listings = List.of(UUID.randomUUID(), UUID.randomUUID());
        listings.forEach(id -> publish(confirmed(id, LocalDate.of(2026, 3, 30))));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(alarms(EventTypes.FORWARD_OVERDUE, listings)).hasSize(2);
            assertThat(alarms(EventTypes.FORWARD_AT_RISK, listings)).hasSize(2);
        });
        assertThat(forwardsOf(listings)).filteredOn(f -> f.platform().equals("city"))
                .allSatisfy(f -> {
                    assertThat(f.dueDate()).isEqualTo(LocalDate.of(2026, 4, 7));
                    assertThat(f.overdue()).isTrue();
                    assertThat(f.deadline()).isEqualTo(DeadlineStatus.OVERDUE);
                });
        assertThat(forwardsOf(listings)).filteredOn(f -> f.platform().equals("province"))
                .extracting(ForwardView::deadline).containsOnly(DeadlineStatus.AT_RISK);

        // Wednesday: the province forwards are overdue too; every alarm was raised once
        CLOCK.set(at(2026, 4, 15, 9));
        await().atMost(WAIT).untilAsserted(() -> assertThat(alarms(EventTypes.FORWARD_OVERDUE, listings)).hasSize(4));
        service.raiseDeadlineAlarms(500);
        assertThat(alarms(EventTypes.FORWARD_OVERDUE, listings)).hasSize(4)
                .allSatisfy((forwardId, count) -> assertThat(count).isEqualTo(1));
        assertThat(alarms(EventTypes.FORWARD_AT_RISK, listings)).hasSize(2);
        Map<String, Object> summary = http.getForObject("/api/sharing/deadlines?department=tax", Map.class);
        assertThat(summary.toString()).contains("platform=city").contains("circuit=");

        PLATFORMS.downUntil("city", at(2026, 4, 15, 9));
        PLATFORMS.downUntil("province", at(2026, 4, 15, 9));
        await().atMost(WAIT).untilAsserted(() -> assertThat(forwardsOf(listings)).hasSize(4)
                .allSatisfy(f -> {
                    assertThat(f.state()).isEqualTo(ForwardState.DELIVERED);
                    assertThat(f.deadline()).isEqualTo(DeadlineStatus.NONE);
                }));
    }

    /** Per forward id, how many alarms of that type the outbox holds for these listings. */
    private Map<String, Long> alarms(String type, List<UUID> listings) {
        return jdbc.sql("SELECT payload FROM outbox WHERE event_type = :type")
                .param("type", type)
                .query(String.class).list().stream()
                .map(codec::decode)
                .filter(e -> listings.stream().anyMatch(id -> e.subject().equals(id.toString())))
                .collect(Collectors.groupingBy(e -> forwardIdOf(e.data()), Collectors.counting()));
    }

    private static String forwardIdOf(Object data) {
        if (data instanceof ForwardAtRisk a) {
            return a.forwardId().toString();
        }
        return ((io.creditloop.contracts.sharing.v1.ForwardOverdue) data).forwardId().toString();
    }

    private static boolean ours(FakePlatform.Request request, List<UUID> listings) {
        return listings.stream().anyMatch(id -> id.toString().equals(request.body().path("listingId").asText()));
    }

    private List<ForwardView> forwardsOf(List<UUID> listings) {
        List<ForwardView> all = new ArrayList<>();
        for (UUID id : listings) {
            all.addAll(Arrays.asList(http.getForObject("/api/sharing/forwards?listingId={id}", ForwardView[].class, id)));
        }
        return all;
    }

    private void publish(Envelope<?> event) {
        try {
            kafka.send(Topics.LISTING_EVENTS, event.subject(), codec.encode(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + event.type(), e);
        }
    }

    private static Envelope<ListingConfirmed> confirmed(UUID listingId, LocalDate recognitionDate) {
        Subject subject = new Subject("USCC:91420200MA4KLB7Q32", SubjectType.ORGANISATION, "黄石某某贸易有限公司",
                "91420200MA4KLB7Q32", null, null, "张三");
        ListType tax = new ListType("TAX_MAJOR_VIOLATION", 1, "重大税收违法案件当事人名单", ListKind.BLACK, "tax");
        return Envelope.of("/identification-service", EventTypes.LISTING_CONFIRMED, CLOCK.instant(), subject.key(),
                new ListingConfirmed(listingId, 2, tax, subject, "虚开增值税专用发票", "《中华人民共和国税收征收管理法》",
                        "tax", recognitionDate, recognitionDate, recognitionDate.plusYears(2), CLOCK.instant()));
    }

    private static Instant at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, SHANGHAI).toInstant();
    }

    private static FakePlatform start() {
        try {
            return new FakePlatform(CLOCK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
