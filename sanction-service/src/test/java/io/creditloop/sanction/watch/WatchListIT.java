package io.creditloop.sanction.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.sanction.v1.WatchNotice;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R8 targeted distribution (003 §18): an agency is told at once when a subject it serves is listed or exits. */
class WatchListIT extends ServiceITSupport {

    /** An agency with no measure for any list type: it hears of its subjects through its watch list only. */
    private final String agency = "grants-" + Listings.unique();
    private final Subject organisation = Listings.newSubject();
    private final Subject person = Listings.person();

    private ResponseEntity<JsonNode> register(Object... subjects) {
        return http.postForEntity("/api/sanction/agencies/{agency}/watch-list", Map.of("subjects", List.of(subjects)),
                JsonNode.class, agency);
    }

    private static Map<String, String> byUscc(Subject s, String relation) {
        return Map.of("uscc", s.uscc(), "relation", relation);
    }

    private static Map<String, String> byIdNumber(String idNumber) {
        return Map.of("idType", "RESIDENT_ID", "idNumber", idNumber, "relation", "补贴申领人");
    }

    private List<WatchNotice> notices(TopicProbe probe, Subject subject, int count) {
        return awaitRecords(probe, count, r -> subject.key().equals(r.key())
                && EventTypes.WATCH_NOTICE.equals(header(r, "ce_type"))).stream()
                .map(r -> (WatchNotice) codec.decode(r.value()).data()).toList();
    }

    @Test
    @DisplayName("R8/R16: a registered person is stored and shown only by the subject key listing events carry")
    void registration() {
        ResponseEntity<JsonNode> response = register(byUscc(organisation, "被许可人"),
                byIdNumber(Listings.PERSON_ID_NUMBER));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("added").asInt()).isEqualTo(2);
        assertThat(response.getBody().get("entries").findValuesAsText("subjectKey"))
                .containsExactly(organisation.key(), person.key());
        JsonNode list = http.getForObject("/api/sanction/agencies/{agency}/watch-list", JsonNode.class, agency);
        assertThat(list.findValuesAsText("subjectKey")).containsExactlyInAnyOrder(organisation.key(), person.key());
        assertThat(list.toString()).doesNotContain(Listings.PERSON_ID_NUMBER);
        assertThat(jdbc.sql("SELECT count(*) FROM watch_entry WHERE subject_key LIKE :number")
                .param("number", "%" + Listings.PERSON_ID_NUMBER + "%").query(Long.class).single()).isZero();
        assertThat(register(byUscc(organisation, "被许可人")).getBody().get("added").asInt()).isZero();
    }

    @Test
    @DisplayName("R8 (003 §18): a watched subject's listing and exit reach the agency at once, though it has no measure")
    void listedAndExited() {
        register(byUscc(organisation, "被许可人"));
        TopicProbe agencyTasks = probe(Topics.agencyTasks(agency));
        UUID listingId = UUID.randomUUID();

        send(Topics.LISTING_EVENTS, organisation.key(), Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION,
                organisation));
        WatchNotice listed = notices(agencyTasks, organisation, 1).get(0);
        send(Topics.LISTING_EVENTS, organisation.key(), Listings.exited(listingId, 3, Listings.TAX_MAJOR_VIOLATION,
                organisation, ExitReason.REPAIRED));
        List<WatchNotice> both = notices(agencyTasks, organisation, 2);

        assertThat(listed.agencyCode()).isEqualTo(agency);
        assertThat(listed.change()).isEqualTo(WatchNotice.LISTED);
        assertThat(listed.listingId()).isEqualTo(listingId);
        assertThat(listed.listType()).isEqualTo(Listings.TAX_MAJOR_VIOLATION);
        assertThat(listed.subject().key()).isEqualTo(organisation.key());
        assertThat(both.get(1).change()).isEqualTo(WatchNotice.EXITED);
        assertThat(both.get(1).exitReason()).isEqualTo("REPAIRED");
        // the agency has no measure for this list type: notices, no tasks
        assertThat(loop(listingId).getBody().tasks()).extracting(t -> t.agencyCode()).doesNotContain(agency);
    }

    @Test
    @DisplayName("R8/R16: a watched person's listing reaches the agency without the ID number")
    void personListed() {
        register(byIdNumber(Listings.PERSON_ID_NUMBER.toLowerCase()));
        TopicProbe agencyTasks = probe(Topics.agencyTasks(agency));

        send(Topics.LISTING_EVENTS, person.key(), Listings.confirmed(UUID.randomUUID(), 2, Listings.COURT_DEFAULTER,
                person));

        ConsumerRecord<String, String> notice = awaitRecords(agencyTasks, 1, r -> person.key().equals(r.key())
                && EventTypes.WATCH_NOTICE.equals(header(r, "ce_type"))).get(0);
        assertThat(notice.value()).doesNotContain(Listings.PERSON_ID_NUMBER);
        assertThat(((WatchNotice) codec.decode(notice.value()).data()).subject().name()).isEqualTo("李四");
    }

    @Test
    @DisplayName("R8: a duplicate or stale listing event notifies nobody twice")
    void duplicateAndStaleEvents() {
        register(byUscc(organisation, "投标人"));
        UUID listingId = UUID.randomUUID();
        Envelope<ListingConfirmed> confirmed = Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION,
                organisation);
        send(Topics.LISTING_EVENTS, organisation.key(), confirmed);
        send(Topics.LISTING_EVENTS, organisation.key(), confirmed);
        Envelope<ListingConfirmed> stale = Listings.confirmed(listingId, 1, Listings.TAX_MAJOR_VIOLATION,
                organisation);
        send(Topics.LISTING_EVENTS, organisation.key(), stale);

        awaitHandled("sanction.listing-events", stale);
        assertThat(outboxed(organisation.key(), EventTypes.WATCH_NOTICE)).isEqualTo(1);
    }

    @Test
    @DisplayName("R8: a subject taken off the watch list is no longer notified")
    void unregister() {
        register(byUscc(organisation, "被许可人"));
        ResponseEntity<JsonNode> removed = http.exchange("/api/sanction/agencies/{agency}/watch-list",
                HttpMethod.DELETE, new HttpEntity<>(Map.of("subjects", List.of(byUscc(organisation, "被许可人")))),
                JsonNode.class, agency);
        assertThat(removed.getBody().get("removed").asInt()).isEqualTo(1);
        Envelope<ListingConfirmed> confirmed = Listings.confirmed(UUID.randomUUID(), 2,
                Listings.TAX_MAJOR_VIOLATION, organisation);

        send(Topics.LISTING_EVENTS, organisation.key(), confirmed);

        awaitHandled("sanction.listing-events", confirmed);
        assertThat(outboxed(organisation.key(), EventTypes.WATCH_NOTICE)).isZero();
    }

    @Test
    @DisplayName("R3/R16: malformed subjects are a 400 problem naming the fields, never echoing the ID number")
    void malformed() {
        String wrong = "110105194912310021";
        ResponseEntity<String> response = http.postForEntity("/api/sanction/agencies/{agency}/watch-list",
                Map.of("subjects", List.of(byIdNumber(wrong), Map.of("uscc", "123"))), String.class, agency);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains("subjects[0].idNumber").contains("subjects[1].uscc")
                .doesNotContain(wrong);
        assertThat(http.getForObject("/api/sanction/agencies/{agency}/watch-list", JsonNode.class, agency)).isEmpty();
    }
}
