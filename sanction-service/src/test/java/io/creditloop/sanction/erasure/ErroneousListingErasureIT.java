package io.creditloop.sanction.erasure;

import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.testsupport.Identifiers;
import io.creditloop.testsupport.PersonalDataScan;
import io.creditloop.testsupport.TopicProbe;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R11 (001 §19): a natural person's listing exited as erroneous: the agencies are still told to lift their tasks
 * (R13), then sanction's schema keeps nothing of the person: not in the tasks, the credit-check read model, the case
 * report's listings or the outbox.
 */
class ErroneousListingErasureIT extends ServiceITSupport {

    private static final List<String> AGENCIES = List.of("finance", "market-regulation", "public-resource-trading");

    @Autowired
    DataSource dataSource;

    @Test
    @DisplayName("R11: an erroneous person listing is lifted at every agency, then sanction keeps no personal data of it")
    void erroneousPersonListingLeavesNoPersonalData() {
        UUID listingId = UUID.randomUUID();
        String id = Identifiers.residentId();
        Subject person = new Subject("ID:RESIDENT_ID:" + UUID.randomUUID(), SubjectType.PERSON,
                "错删" + ThreadLocalRandom.current().nextInt(100_000, 999_999), null, "RESIDENT_ID", id, null);
        List<String> needles = List.of(person.name(), id, id.substring(0, 6) + "********" + id.substring(14),
                person.key());
        TopicProbe agencies = probe(AGENCIES.stream().map(Topics::agencyTasks).toArray(String[]::new));

        send(Topics.LISTING_EVENTS, person.key(), Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION,
                person));
        awaitTasksInForce(listingId, 3);
        eventually().until(() -> jdbc.sql("""
                        SELECT (SELECT count(*) FROM credit_subject_listing WHERE listing_id = :id)
                             + (SELECT count(*) FROM case_listing WHERE listing_id = :id)""")
                .param("id", listingId).query(Long.class).single() == 2);
        assertThat(PersonalDataScan.scan(dataSource, List.of("sanction"), needles))
                .as("the scan finds the person while listed").isNotEmpty();

        send(Topics.LISTING_EVENTS, person.key(), Listings.exited(listingId, 3, Listings.TAX_MAJOR_VIOLATION, person,
                ExitReason.ERRONEOUS));

        assertThat(awaitRecords(agencies, 3, r -> r.value().contains(EventTypes.TASK_LIFTED)
                && r.value().contains(listingId.toString()))).hasSize(3);
        awaitTasksInForce(listingId, 0);
        eventually().untilAsserted(() -> {
            assertThat(PersonalDataScan.scan(dataSource, List.of("sanction"), needles)).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE listing_id = :id").param("id", listingId)
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT subject_name FROM case_listing WHERE listing_id = :id")
                    .param("id", listingId).query(String.class).single()).isEqualTo("（已删除）");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM sanction_task WHERE listing_id = :id AND state = 'LIFTED'")
                .param("id", listingId).query(Long.class).single()).as("the dashboard still counts them").isEqualTo(3);
    }
}
