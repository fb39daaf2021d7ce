package io.creditloop.sharing.forward;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.contracts.sharing.v1.ForwardAction;
import io.creditloop.contracts.sharing.v1.ForwardRejected;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "creditloop.sharing.delivery-interval=100ms",
        "creditloop.sharing.delivery-initial-delay=0s",
        "creditloop.sharing.retry-initial=200ms",
        "creditloop.sharing.retry-max=400ms",
        "creditloop.sharing.connect-timeout=1s",
        "creditloop.sharing.read-timeout=2s",
        // one listing's outage (faults are per listing here) opens the platform's circuit for all; not for long
        "creditloop.sharing.resilience.open-for=300ms"})
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class ForwardingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final FakePlatform PLATFORMS = start();

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    TestRestTemplate http;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    Forwards forwards;
    @Autowired
    ForwardService service;
    @Autowired
    UpstreamPlatforms upstreamPlatforms;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final UUID listingId = UUID.randomUUID();

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry registry) {
        registry.add("creditloop.sharing.platforms[0].code", () -> "city");
        registry.add("creditloop.sharing.platforms[0].url", () -> PLATFORMS.url("city"));
        registry.add("creditloop.sharing.platforms[0].deadline-working-days", () -> 7);
        registry.add("creditloop.sharing.platforms[1].code", () -> "province");
        registry.add("creditloop.sharing.platforms[1].url", () -> PLATFORMS.url("province"));
        registry.add("creditloop.sharing.platforms[1].deadline-working-days", () -> 10);
    }

    @AfterAll
    static void stopPlatforms() {
        PLATFORMS.close();
    }

    @Test
    @DisplayName("R6, SCALE-OUT F4: a listing's exit forward is not claimed while its confirmation to the same "
            + "platform is pending; another platform's and the next claim's are")
    void aForwardWaitsForTheOlderOneOfItsListing() {
        // due only in a far future, so this JVM's delivery job (real clock) leaves them alone
        Instant future = Instant.parse("2099-01-01T00:00:00Z");
        UUID listing = UUID.randomUUID();
        Forward confirmation = Forward.pending(UUID.randomUUID(), listing, 1, "city", ForwardAction.LISTING, "{}",
                LocalDate.of(2099, 1, 10), future.minusSeconds(60));
        Forward exit = Forward.pending(UUID.randomUUID(), listing, 2, "city", ForwardAction.EXIT, "{}",
                LocalDate.of(2099, 1, 5), future.minusSeconds(30));
        Forward otherPlatformExit = Forward.pending(UUID.randomUUID(), listing, 2, "province", ForwardAction.EXIT,
                "{}", LocalDate.of(2099, 1, 5), future.minusSeconds(30));
        List.of(confirmation, exit, otherPlatformExit).forEach(forwards::insert);
        jdbc.sql("UPDATE forward SET next_attempt_at = :at WHERE listing_id = :listing")
                .param("at", java.sql.Timestamp.from(future)).param("listing", listing).update();

        List<Forward> claimed = claimOnly(listing, future);

        assertThat(claimed).extracting(Forward::forwardId)
                .contains(confirmation.forwardId())
                .doesNotContain(exit.forwardId());
        // the province never had the confirmation pending: its exit goes (a test row, but the rule is per platform)
        assertThat(claimed).extracting(Forward::forwardId).contains(otherPlatformExit.forwardId());

        jdbc.sql("UPDATE forward SET state = 'DELIVERED', delivered_at = now(), acknowledgement = 'T' "
                + "WHERE forward_id = :id").param("id", confirmation.forwardId()).update();
        // ten minutes on: the province's lease ran out, so it comes again; the city's exit comes at last
        assertThat(claimOnly(listing, future.plus(Duration.ofMinutes(10)))).extracting(Forward::forwardId)
                .containsExactlyInAnyOrder(exit.forwardId(), otherPlatformExit.forwardId());
        jdbc.sql("DELETE FROM forward WHERE listing_id = :listing").param("listing", listing).update();
    }

    @Test
    @DisplayName("R11, SCALE-OUT F4: an erroneous listing's exit waits for its confirmation's call still in flight, "
            + "though the confirmation was cancelled meanwhile, so the platform gets the erasure last")
    void anExitWaitsForACancelledConfirmationInFlight() {
        Instant future = Instant.parse("2099-01-01T00:00:00Z");
        UUID listing = UUID.randomUUID();
        Forward confirmation = Forward.pending(UUID.randomUUID(), listing, 1, "city", ForwardAction.LISTING, "{}",
                LocalDate.of(2099, 1, 10), future.minusSeconds(60));
        Forward exit = Forward.pending(UUID.randomUUID(), listing, 2, "city", ForwardAction.EXIT, "{}",
                LocalDate.of(2099, 1, 5), future.minusSeconds(30));
        List.of(confirmation, exit).forEach(forwards::insert);
        jdbc.sql("UPDATE forward SET next_attempt_at = :at WHERE listing_id = :listing")
                .param("at", java.sql.Timestamp.from(future)).param("listing", listing).update();
        assertThat(claimOnly(listing, future)).extracting(Forward::forwardId).containsExactly(confirmation.forwardId());

        // the erroneous exit arrives while the confirmation's call is under way
        assertThat(forwards.cancelPendingBefore(listing, 2)).isEqualTo(1);
        assertThat(claimOnly(listing, future)).as("the confirmation is still in flight").isEmpty();

        service.recordOutcome(confirmation.forwardId(), new DeliveryOutcome.Delivered("CITY-LATE"));
        assertThat(claimOnly(listing, future)).extracting(Forward::forwardId).containsExactly(exit.forwardId());
        assertThat(forwards.findByListing(listing)).filteredOn(f -> f.action() == ForwardAction.LISTING)
                .extracting(Forward::state).containsExactly(ForwardState.CANCELLED);
        jdbc.sql("DELETE FROM forward WHERE listing_id = :listing").param("listing", listing).update();
    }

    /** Claims as the delivery job would at {@code at}; pending forwards of other tests are given back at once. */
    private List<Forward> claimOnly(UUID listing, Instant at) {
        List<Forward> claimed = forwards.claimDue(at, Duration.ofMinutes(5), 10_000);
        forwards.release(claimed.stream().filter(f -> !f.listingId().equals(listing)).map(Forward::forwardId)
                .toList(), Instant.now());
        return claimed.stream().filter(f -> f.listingId().equals(listing)).toList();
    }

    @Test
    @DisplayName("R6: a confirmed listing is delivered to each platform with its forward id as Idempotency-Key, "
            + "due 7 and 10 working days after recognition")
    void confirmedListingIsDelivered() {
        try (TopicProbe events = TopicProbe.of(bootstrapServers, Topics.SHARING_EVENTS)) {
            publish(confirmed(2, LocalDate.of(2025, 9, 30)));

            await().atMost(WAIT).untilAsserted(() -> assertThat(forwards())
                    .extracting(ForwardView::state).containsOnly(ForwardState.DELIVERED).hasSize(2));

            ForwardView city = forward("city", ForwardAction.LISTING);
            ForwardView province = forward("province", ForwardAction.LISTING);
            // National Day and Mid-Autumn 10-01..10-08 off, Saturday 10-11 worked
            assertThat(city.dueDate()).isEqualTo(LocalDate.of(2025, 10, 16));
            assertThat(province.dueDate()).isEqualTo(LocalDate.of(2025, 10, 21));
            assertThat(city.acknowledgement()).startsWith("CITY-");
            assertThat(city.attempts()).isEqualTo(1);
            assertThat(city.deliveredAt()).isNotNull();

            List<FakePlatform.Request> requests = PLATFORMS.requestsFor(listingId.toString());
            assertThat(requests).extracting(FakePlatform.Request::idempotencyKey)
                    .containsExactlyInAnyOrder(city.forwardId().toString(), province.forwardId().toString());
            JsonNode body = requests.get(0).body();
            assertThat(body.path("action").asText()).isEqualTo("LISTING");
            assertThat(body.path("listingVersion").asLong()).isEqualTo(2);
            assertThat(body.at("/record/subject/name").asText()).isEqualTo("黄石某某贸易有限公司");
            assertThat(body.at("/record/recognitionDate").asText()).isEqualTo("2025-09-30");

            // the deadline watch may raise an overdue alarm (due 2025-10-16) before the delivery: look for the delivery
            ConsumerRecord<String, String> delivered = events.awaitOne(
                    r -> r.value().contains(city.forwardId().toString())
                            && r.value().contains(EventTypes.FORWARD_DELIVERED), WAIT);
            Envelope<Object> event = codec.decode(delivered.value());
            assertThat(delivered.key()).isEqualTo(listingId.toString());
            assertThat(event.type()).isEqualTo(EventTypes.FORWARD_DELIVERED);
            assertThat(delivered.value()).contains(city.acknowledgement());
        }
    }

    @Test
    @DisplayName("R6: a listing event's request id is kept with its forwards; the delivery (a scheduler) records their outcome in its name, so forward.delivered carries the same Kafka header")
    void deliveryCarriesTheListingEventsRequestId() {
        String requestId = "dept-tax-" + UUID.randomUUID();
        try (TopicProbe events = TopicProbe.of(bootstrapServers, Topics.SHARING_EVENTS)) {
            org.apache.kafka.clients.producer.ProducerRecord<String, String> record =
                    new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.LISTING_EVENTS, SUBJECT.key(),
                            codec.encode(confirmed(2, LocalDate.of(2025, 9, 30))));
            record.headers().add(io.creditloop.contracts.RequestIds.HEADER,
                    requestId.getBytes(StandardCharsets.US_ASCII));
            try {
                kafka.send(record).get();
            } catch (Exception e) {
                throw new IllegalStateException("cannot publish", e);
            }

            await().atMost(WAIT).untilAsserted(() -> assertThat(forwards())
                    .extracting(ForwardView::state).containsOnly(ForwardState.DELIVERED).hasSize(2));
            assertThat(jdbc.sql("SELECT request_id FROM forward WHERE listing_id = :id").param("id", listingId)
                    .query(String.class).list()).hasSize(2).containsOnly(requestId);
            List<ConsumerRecord<String, String>> delivered = events.await(
                    r -> r.key().equals(listingId.toString()) && r.value().contains(EventTypes.FORWARD_DELIVERED), 2,
                    WAIT);
            assertThat(delivered).allSatisfy(r -> assertThat(new String(r.headers()
                    .lastHeader(io.creditloop.contracts.RequestIds.HEADER).value(), StandardCharsets.US_ASCII))
                    .isEqualTo(requestId));
        }
    }

    @Test
    @DisplayName("R6: a deadline in a year with no calendar data is not guessed: the forward goes out without a due date")
    void deadlineBeyondTheCalendarIsNotGuessed() {
        // 2027-12-28 + 7 working days runs into 2028, for which no holiday arrangement is loaded (the tests' 2027 is
        // test-support's fixture)
        publish(confirmed(2, LocalDate.of(2027, 12, 28)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(forwards())
                .extracting(ForwardView::state).containsOnly(ForwardState.DELIVERED).hasSize(2));
        assertThat(forwards()).extracting(ForwardView::dueDate).containsOnlyNulls();
        assertThat(forwards()).extracting(ForwardView::overdue).containsOnly(false);
    }

    @Test
    @DisplayName("R11: an erroneous listing: forwards not yet sent are cancelled, the exit still goes out, and no "
            + "forward keeps the record")
    void erroneousListingLeavesNoRecord() {
        PLATFORMS.down(listingId.toString());
        publish(confirmed(2, LocalDate.of(2025, 9, 30)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(forward("city", ForwardAction.LISTING).attempts())
                .isGreaterThanOrEqualTo(1));

        publish(exited(3, LocalDate.of(2025, 10, 9), ExitReason.ERRONEOUS));
        await().atMost(WAIT).untilAsserted(() -> assertThat(forward("city", ForwardAction.LISTING).state())
                .isEqualTo(ForwardState.CANCELLED));
        PLATFORMS.up(listingId.toString());

        await().atMost(WAIT).untilAsserted(() -> assertThat(forwards())
                .filteredOn(f -> f.action() == ForwardAction.EXIT)
                .extracting(ForwardView::state).containsOnly(ForwardState.DELIVERED).hasSize(2));
        assertThat(forwards()).filteredOn(f -> f.action() == ForwardAction.LISTING)
                .extracting(ForwardView::state).containsOnly(ForwardState.CANCELLED);
        // the confirmation's retries stop once it is cancelled; a retry whose pending check passed just before the
        // cancellation can still reach the platform, and then before the exit (anExitWaitsForACancelledConfirmation-
        // InFlight): per platform, what succeeded ends with the exit, and the confirmation at most once before it
        for (String platform : List.of("city", "province")) {
            List<String> succeeded = PLATFORMS.requestsFor(listingId.toString()).stream()
                    .filter(r -> r.platform().equals(platform) && r.status() < 300)
                    .map(r -> r.body().path("action").asText()).toList();
            assertThat(succeeded).as(platform).isIn(List.of("EXIT"), List.of("LISTING", "EXIT"));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT payload::text FROM forward WHERE listing_id = :id").param("id", listingId)
                .query(String.class).list()).hasSize(4).containsOnly("{\"purged\":true}"));
    }

    @Test
    @DisplayName("R6: while a platform answers 503 the forward stays pending and is retried; delivered once it is up")
    void platformDownThenUp() {
        PLATFORMS.down(listingId.toString());
        publish(confirmed(2, LocalDate.of(2025, 9, 30)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(forward("city", ForwardAction.LISTING))
                .satisfies(f -> {
                    assertThat(f.state()).isEqualTo(ForwardState.PENDING);
                    assertThat(f.attempts()).isGreaterThanOrEqualTo(2);
                    assertThat(f.lastError()).contains("503");
                }));

        PLATFORMS.up(listingId.toString());

        await().atMost(WAIT).untilAsserted(() -> assertThat(forwards())
                .extracting(ForwardView::state).containsOnly(ForwardState.DELIVERED).hasSize(2));
        assertThat(PLATFORMS.requestsFor(listingId.toString()))
                .filteredOn(r -> r.status() == 201).hasSize(2);
    }

    @Test
    @DisplayName("R6: a platform's 422 rejects the forward with its reason; the recognising department is told (notice "
            + "and sharing.forward.rejected.v1 naming it)")
    void rejectedByThePlatform() {
        PLATFORMS.reject(listingId.toString(), "认定依据缺失，证件号码420102199003071232无法核验");
        try (TopicProbe events = TopicProbe.of(bootstrapServers, Topics.SHARING_EVENTS)) {
            publish(confirmed(2, LocalDate.of(2025, 9, 30)));

            await().atMost(WAIT).untilAsserted(() -> assertThat(forwards())
                    .extracting(ForwardView::state).containsOnly(ForwardState.REJECTED).hasSize(2));
            ForwardView city = forward("city", ForwardAction.LISTING);
            assertThat(city.rejectionReason()).isEqualTo("认定依据缺失，证件号码420102********1232无法核验");
            assertThat(city.attempts()).isEqualTo(1);
            assertThat(city.department()).isEqualTo("tax");

            // the deadline watch may raise an overdue alarm (due 2025-10-16) before the rejection: look for the rejection
            ConsumerRecord<String, String> rejected = events.awaitOne(
                    r -> r.value().contains(city.forwardId().toString())
                            && r.value().contains(EventTypes.FORWARD_REJECTED), WAIT);
            Envelope<Object> event = codec.decode(rejected.value());
            assertThat(event.type()).isEqualTo(EventTypes.FORWARD_REJECTED);
            assertThat(rejected.key()).isEqualTo(listingId.toString());
            ForwardRejected data = (ForwardRejected) event.data();
            assertThat(data.department()).isEqualTo("tax");
            assertThat(data.reason()).startsWith("认定依据缺失").doesNotContain("19900307");
        }
        JsonNode notices = http.getForObject("/api/sharing/departments/tax/rejections?size=500", JsonNode.class);
        List<JsonNode> mine = new java.util.ArrayList<>();
        notices.path("items").forEach(n -> {
            if (n.path("listingId").asText().equals(listingId.toString())) {
                mine.add(n);
            }
        });
        assertThat(mine).hasSize(2).allSatisfy(n -> {
            assertThat(n.path("reason").asText()).isEqualTo("认定依据缺失，证件号码420102********1232无法核验");
            assertThat(n.path("action").asText()).isEqualTo("LISTING");
        });
        assertThat(mine).extracting(n -> n.path("platform").asText()).containsExactlyInAnyOrder("city", "province");
        JsonNode dashboard = http.getForObject("/api/sharing/forwards?state=REJECTED&department=tax&platform=city",
                JsonNode.class);
        assertThat(dashboard.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(dashboard.path("items").findValuesAsText("listingId")).contains(listingId.toString());
        assertThat(dashboard.path("items").findValuesAsText("state")).containsOnly("REJECTED");
    }

    @Test
    @DisplayName("R6: the same event delivered twice records one forward per platform; an exit is due from its date")
    void duplicateDeliveryRecordsOnce() {
        Envelope<ListingConfirmed> event = confirmed(2, LocalDate.of(2025, 9, 30));
        publish(event);
        publish(event);
        publish(exited(3, LocalDate.of(2024, 9, 30)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(forwards()).hasSize(4)
                .extracting(ForwardView::state).containsOnly(ForwardState.DELIVERED));
        assertThat(forwards()).filteredOn(f -> f.action() == ForwardAction.LISTING).hasSize(2);
        // 004 §8(四)3: counted from the exit; National Day off, Saturday 2024-10-12 worked
        assertThat(forward("city", ForwardAction.EXIT).dueDate()).isEqualTo(LocalDate.of(2024, 10, 15));
        assertThat(forward("city", ForwardAction.EXIT).listingVersion()).isEqualTo(3);
    }

    @Test
    @DisplayName("R6: a listing version older than the one applied is ignored; a correction is due from its day in "
            + "Asia/Shanghai")
    void staleVersionIgnored() {
        // 2025-01-23T17:00Z is 2025-01-24 in Shanghai: Spring Festival off, Saturday 2025-02-08 worked
        publish(corrected(3, Instant.parse("2025-01-23T17:00:00Z")));
        publish(confirmed(2, LocalDate.of(2025, 1, 20)));
        publish(exited(4, LocalDate.of(2025, 9, 30)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(forwards())
                .extracting(ForwardView::action).contains(ForwardAction.EXIT));
        assertThat(forwards()).extracting(ForwardView::action)
                .containsExactlyInAnyOrder(ForwardAction.CORRECTION, ForwardAction.CORRECTION,
                        ForwardAction.EXIT, ForwardAction.EXIT);
        assertThat(forward("city", ForwardAction.CORRECTION).dueDate()).isEqualTo(LocalDate.of(2025, 2, 10));
    }

    @Test
    @DisplayName("a malformed listing event goes from sharing's consumer to identification.listing.events.dlt")
    void poisonMessageIsDeadLettered() throws Exception {
        String poison = "{not json " + UUID.randomUUID();
        try (TopicProbe dlt = TopicProbe.of(bootstrapServers, Topics.deadLetter(Topics.LISTING_EVENTS))) {
            kafka.send(Topics.LISTING_EVENTS, "poison", poison).get();

            // the registry's consumer group dead-letters it too, in no fixed order: wait for the forwards' group's
            ConsumerRecord<String, String> dead = dlt.awaitOne(r -> poison.equals(r.value())
                    && "sharing-service".equals(originalGroup(r)), WAIT);

            assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                    StandardCharsets.UTF_8)).contains("not JSON");
        }
    }

    private static String originalGroup(ConsumerRecord<String, String> deadLetter) {
        var header = deadLetter.headers().lastHeader("kafka_dlt-original-consumer-group");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a malformed listingId, state, page size or department is answered with an RFC 7807 problem")
    void badQueryIsAProblem() {
        ResponseEntity<String> malformed = http.getForEntity("/api/sharing/forwards?listingId=abc", String.class);
        ResponseEntity<String> state = http.getForEntity("/api/sharing/forwards?state=LOST", String.class);
        ResponseEntity<String> size = http.getForEntity("/api/sharing/forwards?size=100000", String.class);
        ResponseEntity<String> department = http.getForEntity("/api/sharing/departments/TAX!/rejections",
                String.class);

        for (ResponseEntity<String> answer : List.of(malformed, state, size, department)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(malformed.getBody()).contains("listingId");
        assertThat(state.getBody()).contains("state");
        assertThat(size.getBody()).contains("\"field\":\"size\"");
        assertThat(department.getBody()).contains("department");
    }

    @Test
    @DisplayName("R6: the dashboard pages forwards and counts them per platform")
    void dashboard() {
        publish(confirmed(2, LocalDate.of(2025, 9, 30)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(forwards())
                .extracting(ForwardView::state).containsOnly(ForwardState.DELIVERED).hasSize(2));

        JsonNode page = http.getForObject("/api/sharing/forwards?platform=province&state=DELIVERED&size=1",
                JsonNode.class);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.path("items").get(0).path("platform").asText()).isEqualTo("province");

        JsonNode summary = http.getForObject("/api/sharing/deadlines", JsonNode.class);
        assertThat(summary.path("platforms").findValuesAsText("platform")).contains("city", "province");
        assertThat(summary.path("platforms").get(0).path("delivered").asLong()).isGreaterThanOrEqualTo(1);
        // each platform's circuit as the breakers have it: earlier tests' 503s may leave one OPEN or HALF_OPEN
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, String> shown = new java.util.LinkedHashMap<>();
            http.getForObject("/api/sharing/deadlines", JsonNode.class).path("platforms")
                    .forEach(p -> {
                        if (!p.path("circuit").isNull()) { // null: forwards of a platform no longer configured
                            shown.put(p.path("platform").asText(), p.path("circuit").asText());
                        }
                    });
            assertThat(shown).containsKeys("city", "province");
            assertThat(upstreamPlatforms.circuitStates()).containsAllEntriesOf(shown);
        });
    }

    private List<ForwardView> forwards() {
        ForwardView[] found = http.getForObject("/api/sharing/forwards?listingId={id}", ForwardView[].class, listingId);
        return Arrays.asList(found);
    }

    private ForwardView forward(String platform, ForwardAction action) {
        return forwards().stream().filter(f -> f.platform().equals(platform) && f.action() == action).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " forward to " + platform));
    }

    private void publish(Envelope<?> event) {
        try {
            kafka.send(Topics.LISTING_EVENTS, event.subject(), codec.encode(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + event.type(), e);
        }
    }

    private Envelope<ListingConfirmed> confirmed(long version, LocalDate recognitionDate) {
        return Envelope.of("/identification-service", EventTypes.LISTING_CONFIRMED, Instant.now(), SUBJECT.key(),
                new ListingConfirmed(listingId, version, TAX, SUBJECT, "虚开增值税专用发票", "《中华人民共和国税收征收管理法》",
                        "tax", recognitionDate, recognitionDate, recognitionDate.plusYears(2), Instant.now()));
    }

    private Envelope<ListingExited> exited(long version, LocalDate exitDate) {
        return exited(version, exitDate, ExitReason.REPAIRED);
    }

    private Envelope<ListingExited> exited(long version, LocalDate exitDate, ExitReason reason) {
        return Envelope.of("/identification-service", EventTypes.LISTING_EXITED, Instant.now(), SUBJECT.key(),
                new ListingExited(listingId, version, TAX, SUBJECT, "tax", reason, exitDate,
                        "信用修复，提前移出", Instant.now()));
    }

    private Envelope<ListingCorrected> corrected(long version, Instant correctedAt) {
        LocalDate recognised = LocalDate.of(2025, 1, 20);
        return Envelope.of("/identification-service", EventTypes.LISTING_CORRECTED, correctedAt, SUBJECT.key(),
                new ListingCorrected(listingId, version, TAX, SUBJECT, "虚开增值税专用发票", "《中华人民共和国税收征收管理法》",
                        "tax", recognised, recognised, recognised.plusYears(2), "法定代表人姓名更正", correctedAt));
    }

    private static final ListType TAX = new ListType("TAX_MAJOR_VIOLATION", 1, "重大税收违法案件当事人名单",
            ListKind.BLACK, "tax");
    private static final Subject SUBJECT = new Subject("USCC:91420200MA4KLB7Q32", SubjectType.ORGANISATION,
            "黄石某某贸易有限公司", "91420200MA4KLB7Q32", null, null, "张三");

    private static FakePlatform start() {
        try {
            return new FakePlatform();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
