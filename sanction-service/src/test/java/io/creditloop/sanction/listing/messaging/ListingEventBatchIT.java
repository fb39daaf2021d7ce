package io.creditloop.sanction.listing.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.ListingEventHandler;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.messaging.PoisonMessageException;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The listing-event listeners take the records of one poll as a batch (one inbox transaction per poll). These tests
 * hand {@link ListingEventStream#acceptAll} a batch directly, with sanction's real handler (tasks, outbox, version
 * guard), under an inbox consumer of their own, and check what is kept when one event of the batch fails.
 */
class ListingEventBatchIT extends ServiceITSupport {

    @Autowired
    ListingEventStream stream;
    @Autowired
    ListingEventsListener sanction;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final String consumer = "test.batch." + Listings.unique();

    private Properties consumerOverrides(String listenerId) {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        assertThat(container).as(listenerId).isNotNull();
        return container.getContainerProperties().getKafkaConsumerProperties();
    }

    @Test
    @DisplayName("issue 9: the listing consumers fetch fuller polls, those whose work can wait fuller still; a consumer of a quiet topic keeps Kafka's defaults")
    void listingConsumersWaitForFullerFetches() {
        assertThat(consumerOverrides("sanction-listing-events"))
                .as("initiating sanctions: the loop's latency")
                .containsEntry("fetch.min.bytes", "16384")
                .containsEntry("fetch.max.wait.ms", "50");
        for (String background : List.of("sanction-case-listings", "sanction-check")) {
            assertThat(consumerOverrides(background))
                    .as(background)
                    .containsEntry("fetch.min.bytes", "65536")
                    .containsEntry("fetch.max.wait.ms", "500");
        }
        assertThat(consumerOverrides("sanction-agency-responses"))
                .doesNotContainKeys("fetch.min.bytes", "fetch.max.wait.ms");
    }

    private ConsumerRecord<String, String> record(int offset, String value) {
        return new ConsumerRecord<>(Topics.LISTING_EVENTS, 0, offset, "key-" + offset, value);
    }

    private List<Envelope<ListingConfirmed>> confirmations(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Listings.confirmed(UUID.randomUUID(), 2, Listings.TAX_MAJOR_VIOLATION,
                        Listings.newSubject()))
                .toList();
    }

    private long tasks(Envelope<ListingConfirmed> event) {
        return jdbc.sql("SELECT count(*) FROM sanction_task WHERE listing_id = :id")
                .param("id", event.data().listingId()).query(Long.class).single();
    }

    /** Inbox rows of this test's consumer: listing events take none, their version rows guard them (issue 9). */
    private long inboxRows() {
        return jdbc.sql("SELECT count(*) FROM processed_message WHERE consumer = :consumer")
                .param("consumer", consumer).query(Long.class).single();
    }

    private long outboxedTasks(List<Envelope<ListingConfirmed>> events) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_type = :type AND listing_id IN (:ids)")
                .param("type", io.creditloop.contracts.EventTypes.TASK_INITIATED)
                .param("ids", events.stream().map(e -> e.data().listingId()).toList())
                .query(Long.class).single();
    }

    @Test
    @DisplayName("R8: a batch of confirmed events initiates each listing's tasks once, a repeat within the batch or of an earlier batch initiates nothing")
    void batchInitiatesEachListingOnce() {
        List<Envelope<ListingConfirmed>> events = confirmations(5);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(record(i, codec.encode(events.get(i))));
        }
        records.add(record(5, codec.encode(events.get(1)))); // redelivered within the same poll

        assertThat(stream.acceptAll(consumer, records, sanction)).isEqualTo(5);
        assertThat(events).allSatisfy(e -> assertThat(tasks(e)).isEqualTo(3));

        // the whole poll delivered again (a rebalance before the offsets were committed): handed over, and the
        // listings' applied versions (written with their tasks) drop every one of them
        stream.acceptAll(consumer, records, sanction);
        assertThat(events).allSatisfy(e -> assertThat(tasks(e)).isEqualTo(3));
        assertThat(outboxedTasks(events)).isEqualTo(15);
        assertThat(inboxRows()).isZero();
    }

    @Test
    @DisplayName("R8: when the handler fails for one event of a batch, the events before it are kept, it and those after are not written, and the container is told which record failed")
    void failingEventKeepsThoseBeforeIt() {
        List<Envelope<ListingConfirmed>> events = confirmations(4);
        UUID failing = events.get(2).data().listingId();
        ListingEventHandler failsOnThird = new DelegatingHandler(sanction, failing);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(record(i, codec.encode(events.get(i))));
        }

        BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
                () -> stream.acceptAll(consumer, records, failsOnThird));

        assertThat(failed.getRecord()).isSameAs(records.get(2));
        assertThat(failed).hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(tasks(events.get(0))).isEqualTo(3);
        assertThat(tasks(events.get(1))).isEqualTo(3);
        // the failing event's tasks were written by the handler before it threw: rolled back with it
        assertThat(tasks(events.get(2))).isZero();
        assertThat(tasks(events.get(3))).isZero();

        // the container seeks back to the failing record: delivered again (now succeeding), it and the rest are handled
        assertThat(stream.acceptAll(consumer, records.subList(2, 4), sanction)).isEqualTo(2);
        assertThat(events).allSatisfy(e -> assertThat(tasks(e)).isEqualTo(3));
    }

    @Test
    @DisplayName("a poison message in a batch: the events before it are handled, it is named to the container with its reason (for the dead-letter topic), those after wait for the next poll")
    void poisonMessageInBatch() {
        List<Envelope<ListingConfirmed>> events = confirmations(3);
        List<ConsumerRecord<String, String>> records = List.of(
                record(0, codec.encode(events.get(0))),
                record(1, codec.encode(events.get(1))),
                record(2, "{\"id\": \"not even closed\""),
                record(3, codec.encode(events.get(2))));

        BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
                () -> stream.acceptAll(consumer, records, sanction));

        assertThat(failed.getRecord()).isSameAs(records.get(2));
        assertThat(failed.getCause()).isInstanceOf(PoisonMessageException.class).hasMessageContaining("not JSON");
        assertThat(tasks(events.get(0))).isEqualTo(3);
        assertThat(tasks(events.get(1))).isEqualTo(3);
        assertThat(tasks(events.get(2))).isZero();
    }

    @Test
    @DisplayName("R8/R13: a batch gives what one by one gives: versions checked in order within the batch, an exit after its listing lifts the tasks, a stale confirmation initiates nothing, and each subject's task events and watch notices keep their order")
    void mixedBatchKeepsOrderAndVersions() {
        io.creditloop.contracts.listing.v1.Subject exiting = Listings.newSubject();
        io.creditloop.contracts.listing.v1.Subject watched = Listings.newSubject();
        io.creditloop.contracts.listing.v1.Subject overtaken = Listings.newSubject();
        UUID exitingId = UUID.randomUUID();
        UUID watchedId = UUID.randomUUID();
        UUID overtakenId = UUID.randomUUID();
        String watcher = "batch-watcher";
        jdbc.sql("""
                        INSERT INTO watch_entry (agency_code, subject_key, subject_type, relation, registered_at)
                        VALUES (:agency, :key, 'ORGANISATION', '被许可人', now())""")
                .param("agency", watcher).param("key", watched.key()).update();
        List<Envelope<?>> events = List.of(
                Listings.confirmed(exitingId, 1, Listings.TAX_MAJOR_VIOLATION, exiting),
                Listings.confirmed(watchedId, 1, Listings.TAX_MAJOR_VIOLATION, watched),
                Listings.exited(exitingId, 2, Listings.TAX_MAJOR_VIOLATION, exiting),
                Listings.exited(overtakenId, 3, Listings.TAX_MAJOR_VIOLATION, overtaken),
                Listings.confirmed(overtakenId, 2, Listings.TAX_MAJOR_VIOLATION, overtaken), // overtaken by its exit
                Listings.confirmed(exitingId, 1, Listings.TAX_MAJOR_VIOLATION, exiting)); // a stale repeat, new id
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(record(i, codec.encode(events.get(i))));
        }

        assertThat(stream.acceptAll(consumer, records, sanction)).isEqualTo(6);

        assertThat(jdbc.sql("SELECT state FROM sanction_task WHERE listing_id = :id").param("id", exitingId)
                .query(String.class).list()).hasSize(3).containsOnly("LIFTED");
        assertThat(jdbc.sql("SELECT state FROM sanction_task WHERE listing_id = :id").param("id", watchedId)
                .query(String.class).list()).hasSize(3).containsOnly("INITIATED");
        assertThat(jdbc.sql("SELECT count(*) FROM sanction_task WHERE listing_id = :id").param("id", overtakenId)
                .query(Long.class).single()).isZero();
        // the outbox relays in its own order: per subject, the tasks, then their lifts (or the watch notice)
        assertThat(jdbc.sql("SELECT event_type FROM outbox WHERE message_key = :key ORDER BY id")
                .param("key", exiting.key()).query(String.class).list())
                .containsExactly(EventTypes.TASK_INITIATED, EventTypes.TASK_INITIATED, EventTypes.TASK_INITIATED,
                        EventTypes.TASK_LIFTED, EventTypes.TASK_LIFTED, EventTypes.TASK_LIFTED);
        assertThat(jdbc.sql("SELECT topic FROM outbox WHERE message_key = :key ORDER BY id")
                .param("key", watched.key()).query(String.class).list())
                .hasSize(4).last().isEqualTo(Topics.agencyTasks(watcher));
    }

    /** Sanction's handler, failing after it has written the tasks of one listing. */
    private record DelegatingHandler(ListingEventHandler delegate, UUID failing) implements ListingEventHandler {

        @Override
        public void confirmed(ListingConfirmed event) {
            delegate.confirmed(event);
            if (event.listingId().equals(failing)) {
                throw new IllegalStateException("handler failed for listing " + failing);
            }
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
