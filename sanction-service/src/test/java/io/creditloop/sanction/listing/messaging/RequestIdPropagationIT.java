package io.creditloop.sanction.listing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.RequestIds;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.messaging.CurrentRequestId;
import io.creditloop.messaging.ListingEventHandler;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messaging module's request id mechanics with a real consumer (messaging has no ITs of its own: the servers
 * come from test-support, which depends on it): a listing event's {@code X-Request-Id} Kafka header is in the
 * logging context while sanction handles it, the tasks it initiates and the R16 audit records of a person's tasks are
 * stored with it in the outbox and go out with the same header; a batch of several requests' events keeps each
 * listing's own id; a record listener (agency answers) carries the id of the answer on.
 */
class RequestIdPropagationIT extends ServiceITSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ListingEventStream stream;
    @Autowired
    ListingEventsListener sanction;

    private final String consumer = "test.request-id." + Listings.unique();

    @Test
    @DisplayName("R8/R16: a listing event carrying a request id over Kafka: its tasks and the audit records of a person's tasks carry the same id, in the outbox and as the Kafka header")
    void tasksCarryTheListingEventsRequestId() throws Exception {
        String requestId = "dept-court-" + Listings.unique();
        Subject person = Listings.person();
        UUID listingId = UUID.randomUUID();
        Envelope<ListingConfirmed> confirmed = Listings.confirmed(listingId, 1, Listings.COURT_DEFAULTER, person);
        TopicProbe tasks = TopicProbe.matching(bootstrapServers, Pattern.compile(Topics.AGENCY_TASKS_PATTERN));
        TopicProbe reads = probe(Topics.PERSONAL_DATA_READS);
        try (tasks) {
            sendWithRequestId(Topics.LISTING_EVENTS, person.key(), codec.encode(confirmed), requestId);

            List<ConsumerRecord<String, String>> initiated = tasks.await(r -> r.value().contains(listingId.toString())
                    && EventTypes.TASK_INITIATED.equals(header(r, "ce_type")), 1, KAFKA_TIMEOUT);
            assertThat(initiated).allSatisfy(r -> assertThat(header(r, RequestIds.HEADER)).isEqualTo(requestId));
            List<String> stored = jdbc.sql("SELECT request_id FROM outbox WHERE listing_id = :id AND event_type = :t")
                    .param("id", listingId).param("t", EventTypes.TASK_INITIATED).query(String.class).list();
            assertThat(stored).isNotEmpty().containsOnly(requestId);

            ConsumerRecord<String, String> audit = reads.awaitOne(r -> r.value().contains(listingId.toString()),
                    KAFKA_TIMEOUT);
            assertThat(header(audit, RequestIds.HEADER)).isEqualTo(requestId);
            assertThat(JSON.readTree(audit.value()).path("data").path("requestId").asText()).isEqualTo(requestId);
            assertThat(JSON.readTree(audit.value()).path("data").path("what").asText()).isEqualTo("task");
        }
    }

    @Test
    @DisplayName("R8: one batch, several requests: each listing's tasks carry its own request id, one without any none; the handler sees a single request's id in the logging context")
    void batchOfSeveralRequests() {
        Envelope<ListingConfirmed> a = Listings.confirmed(UUID.randomUUID(), 1, Listings.TAX_MAJOR_VIOLATION,
                Listings.newSubject());
        Envelope<ListingConfirmed> b = Listings.confirmed(UUID.randomUUID(), 1, Listings.TAX_MAJOR_VIOLATION,
                Listings.newSubject());
        Envelope<ListingConfirmed> none = Listings.confirmed(UUID.randomUUID(), 1, Listings.TAX_MAJOR_VIOLATION,
                Listings.newSubject());
        List<ConsumerRecord<String, String>> records = List.of(record(0, a, "req-a-" + Listings.unique()),
                record(1, b, "req-b-" + Listings.unique()), record(2, none, null));

        assertThat(stream.acceptAll(consumer, records, sanction)).isEqualTo(3);

        assertThat(requestIds(a.data().listingId(), EventTypes.TASK_INITIATED)).hasSize(3)
                .containsOnly(header(records.get(0), RequestIds.HEADER));
        assertThat(requestIds(b.data().listingId(), EventTypes.TASK_INITIATED)).hasSize(3)
                .containsOnly(header(records.get(1), RequestIds.HEADER));
        assertThat(requestIds(none.data().listingId(), EventTypes.TASK_INITIATED)).hasSize(3).containsOnlyNulls();

        // a batch of one request's events: its id is in the logging context while the handler runs, then gone
        Envelope<ListingConfirmed> c = Listings.confirmed(UUID.randomUUID(), 1, Listings.TAX_MAJOR_VIOLATION,
                Listings.newSubject());
        Map<UUID, String> seen = new ConcurrentHashMap<>();
        String requestId = "req-c-" + Listings.unique();
        stream.acceptAll(consumer, List.of(record(3, c, requestId)), new Seeing(sanction, seen));
        assertThat(seen).containsEntry(c.data().listingId(), requestId);
        assertThat(CurrentRequestId.get()).isNull();
    }

    @Test
    @DisplayName("R8/R13: a listing confirmed by one request and exited by another in the same batch: its tasks are initiated with the first id and lifted with the second")
    void oneListingTwoRequestsInABatch() {
        Subject subject = Listings.newSubject();
        UUID listingId = UUID.randomUUID();
        String first = "req-confirm-" + Listings.unique();
        String second = "req-exit-" + Listings.unique();
        List<ConsumerRecord<String, String>> records = List.of(
                record(0, Listings.confirmed(listingId, 1, Listings.TAX_MAJOR_VIOLATION, subject), first),
                record(1, Listings.exited(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject), second));

        assertThat(stream.acceptAll(consumer, records, sanction)).isEqualTo(2);

        assertThat(requestIds(listingId, EventTypes.TASK_INITIATED)).hasSize(3).containsOnly(first);
        assertThat(requestIds(listingId, EventTypes.TASK_LIFTED)).hasSize(3).containsOnly(second);
    }

    @Test
    @DisplayName("R13: an agency's answer carrying a request id (a record listener): the notice it causes carries the same id")
    void recordListenerCarriesItOn() {
        Subject subject = Listings.newSubject();
        UUID listingId = UUID.randomUUID();
        stream.acceptAll(consumer, List.of(
                record(0, Listings.confirmed(listingId, 1, Listings.TAX_MAJOR_VIOLATION, subject), null),
                record(1, Listings.exited(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject), null)), sanction);
        Map<String, Object> task = jdbc.sql("SELECT task_id, agency_code FROM sanction_task WHERE listing_id = :id "
                + "LIMIT 1").param("id", listingId).query().singleRow();
        UUID taskId = (UUID) task.get("task_id");
        String agency = (String) task.get("agency_code");
        String requestId = "agency-" + agency + "-" + Listings.unique();
        Envelope<TaskResponded> answer = Envelope.of("/agency/" + agency, EventTypes.TASK_RESPONDED, Instant.now(),
                taskId.toString(), new TaskResponded(taskId, agency, "已签收", Instant.now()));

        sendWithRequestId(Topics.agencyResponses(agency), taskId.toString(), codec.encode(answer), requestId);

        eventually().untilAsserted(() -> assertThat(requestIds(listingId, EventTypes.TASK_ALREADY_LIFTED))
                .containsExactly(requestId));
    }

    private List<String> requestIds(UUID listingId, String type) {
        return jdbc.sql("SELECT request_id FROM outbox WHERE listing_id = :id AND event_type = :type ORDER BY id")
                .param("id", listingId).param("type", type).query((rs, n) -> rs.getString(1)).list();
    }

    private ConsumerRecord<String, String> record(int offset, Envelope<?> event, String requestId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.LISTING_EVENTS, 0, offset,
                event.subject(), codec.encode(event));
        if (requestId != null) {
            record.headers().add(RequestIds.HEADER, requestId.getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    private void sendWithRequestId(String topic, String key, String value, String requestId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(RequestIds.HEADER, requestId.getBytes(StandardCharsets.US_ASCII));
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test input to " + topic, e);
        }
    }

    /** Sanction's handler, noting the request id in the logging context for each listing it handles. */
    private record Seeing(ListingEventHandler delegate, Map<UUID, String> seen) implements ListingEventHandler {

        @Override
        public void confirmed(ListingConfirmed event) {
            String current = CurrentRequestId.get();
            if (current != null) {
                seen.put(event.listingId(), current);
            }
            delegate.confirmed(event);
        }

        @Override
        public void corrected(ListingCorrected event) {
            delegate.corrected(event);
        }

        @Override
        public void exited(ListingExited event) {
            delegate.exited(event);
        }
    }
}
