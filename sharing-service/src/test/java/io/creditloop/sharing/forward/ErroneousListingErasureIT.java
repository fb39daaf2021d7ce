package io.creditloop.sharing.forward;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.sharing.forward.web.ForwardView;
import io.creditloop.testsupport.ListingEventsFixture;
import io.creditloop.testsupport.PersonalDataScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R11 (001 §19): a natural person's listing exited as erroneous leaves nothing of the person in sharing's schema:
 * the exit still tells each platform to delete the record, then forwards keep tombstones, the register forgets the
 * listing, and the outbox its forward events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "creditloop.sharing.delivery-interval=100ms",
        "creditloop.sharing.delivery-initial-delay=0s",
        "creditloop.sharing.registry.follow-listing-events=true"})
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class ErroneousListingErasureIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final FakePlatform PLATFORMS = start();

    @Autowired
    ListingEventsFixture events;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

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
    @DisplayName("R11: an erroneous person listing: the exit goes out, then sharing keeps no personal data of it")
    void erroneousPersonListingLeavesNoPersonalData() {
        UUID listingId = UUID.randomUUID();
        Subject person = ListingEventsFixture.person("错删" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String id = person.idNumber();
        List<String> needles = List.of(person.name(), id, id.substring(0, 6) + "********" + id.substring(14),
                person.key());

        events.send(events.confirmed(listingId, person, "偷税（" + person.name() + "）"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(forwards(listingId))
                .extracting(ForwardView::state).containsOnly(ForwardState.DELIVERED).hasSize(2));
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM registry_listing WHERE listing_key LIKE :k")
                .param("k", "%" + listingId).query(Long.class).single() == 1);
        assertThat(PersonalDataScan.scan(dataSource, List.of("sharing"), needles))
                .as("the scan finds the person while listed").isNotEmpty();

        events.send(events.exited(listingId, 3, person, ExitReason.ERRONEOUS));

        await().atMost(WAIT).untilAsserted(() -> assertThat(forwards(listingId))
                .filteredOn(f -> f.action() == io.creditloop.contracts.sharing.v1.ForwardAction.EXIT)
                .extracting(ForwardView::state).containsOnly(ForwardState.DELIVERED).hasSize(2));
        assertThat(PLATFORMS.requestsFor(listingId.toString()))
                .filteredOn(r -> r.body().path("action").asText().equals("EXIT")).hasSize(2);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(PersonalDataScan.scan(dataSource, List.of("sharing"), needles)).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE listing_id = :id").param("id", listingId)
                    .query(Long.class).single()).isZero();
        });
        assertThat(jdbc.sql("SELECT payload::text FROM forward WHERE listing_id = :id").param("id", listingId)
                .query(String.class).list()).hasSize(4).containsOnly("{\"purged\":true}");
    }

    private List<ForwardView> forwards(UUID listingId) {
        return Arrays.asList(http.getForObject("/api/sharing/forwards?listingId={id}", ForwardView[].class,
                listingId));
    }

    private static FakePlatform start() {
        try {
            return new FakePlatform();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
