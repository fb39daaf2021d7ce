package io.creditloop.sanction.report.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.testsupport.ListingEventsFixture;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R8: what the dashboard and the monthly report keep of each listing, from the listing events. */
class CaseListingsListenerIT extends ServiceITSupport {

    private Map<String, Object> row(UUID listingId) {
        return jdbc.sql("SELECT * FROM case_listing WHERE listing_id = :id").param("id", listingId).query()
                .singleRow();
    }

    private boolean hasRow(UUID listingId, String condition) {
        return jdbc.sql("SELECT count(*) FROM case_listing WHERE listing_id = :id AND " + condition)
                .param("id", listingId).query(Long.class).single() == 1;
    }

    @Test
    @DisplayName("R8, R16: a confirmed person is kept with department and list, the name masked and no ID number")
    void confirmedPerson() {
        Subject person = ListingEventsFixture.person("王小明");
        UUID listingId = UUID.randomUUID();
        Envelope<ListingConfirmed> confirmed = Listings.confirmed(listingId, 2, Listings.COURT_DEFAULTER, person);

        send(Topics.LISTING_EVENTS, person.key(), confirmed);
        awaitHandled(CaseListingsListener.CONSUMER, confirmed);

        Map<String, Object> row = row(listingId);
        assertThat(row).containsEntry("department", "court").containsEntry("list_type_name", "失信被执行人名单")
                .containsEntry("list_kind", "BLACK").containsEntry("subject_name", "王**");
        assertThat(row.values().toString()).doesNotContain(person.idNumber(), "王小明");
    }

    @Test
    @DisplayName("R8: a repeated event is applied once; an older version arriving after the exit changes nothing")
    void duplicateAndOutOfOrder() {
        Subject subject = Listings.newSubject();
        UUID listingId = UUID.randomUUID();
        Envelope<ListingConfirmed> confirmed = Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION,
                subject);
        Instant at = Instant.parse("2025-05-08T02:00:00Z");
        Envelope<ListingExited> exited = Envelope.of("/identification-service", EventTypes.LISTING_EXITED, at,
                subject.key(), new ListingExited(listingId, 3, Listings.TAX_MAJOR_VIOLATION, subject, "tax",
                        ExitReason.REPAIRED, LocalDate.of(2025, 5, 8), "补缴税款", at));
        send(Topics.LISTING_EVENTS, subject.key(), exited);
        send(Topics.LISTING_EVENTS, subject.key(), exited);
        send(Topics.LISTING_EVENTS, subject.key(), confirmed);
        awaitHandled(CaseListingsListener.CONSUMER, confirmed); // the last sent: all three handled (one partition)

        assertThat(row(listingId)).containsEntry("version", 3L).containsEntry("exit_reason", "REPAIRED")
                .containsEntry("exit_note", "补缴税款");
        assertThat(hasRow(listingId, "reason IS NULL")).as("the older confirmation was not applied").isTrue();
    }

    @Test
    @DisplayName("R8: a poison listing event goes to the dead-letter topic from this consumer group too")
    void poison() {
        TopicProbe deadLetters = probe(Topics.deadLetter(Topics.LISTING_EVENTS));
        String key = "poison-" + Listings.unique();

        sendRaw(Topics.LISTING_EVENTS, key, "{\"id\": \"not even closed\"");

        // each of sanction's three listing consumer groups dead-letters it, in no fixed order: wait for this group's
        ConsumerRecord<String, String> dead = awaitRecords(deadLetters, 1, r -> key.equals(r.key())
                && "sanction-service.case-listings".equals(header(r, "kafka_dlt-original-consumer-group"))).get(0);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("not JSON");
    }
}
