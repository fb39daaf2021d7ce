package io.creditloop.sanction.listing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.sanction.v1.SanctionTaskInitiated;
import io.creditloop.contracts.sanction.v1.SanctionTaskLifted;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.testsupport.TopicProbe;
import io.creditloop.sanction.task.TaskState;
import io.creditloop.sanction.task.web.LoopView;
import io.creditloop.sanction.task.web.TaskView;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ListingEventsListenerIT extends ServiceITSupport {

    private static final List<String> AGENCIES =
            List.of("finance", "public-resource-trading", "market-regulation", "transport");
    private static final List<String> TAX_MAJOR_VIOLATION_AGENCIES =
            List.of("finance", "market-regulation", "public-resource-trading");

    private final UUID listingId = UUID.randomUUID();
    private final Subject subject = Listings.newSubject();

    private TopicProbe taskTopics() {
        return probe(AGENCIES.stream().map(Topics::agencyTasks).toArray(String[]::new));
    }

    private void publish(Envelope<?> listingEvent) {
        send(Topics.LISTING_EVENTS, subject.key(), listingEvent);
    }

    private List<Envelope<Object>> decode(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> codec.decode(r.value())).toList();
    }

    @Test
    @DisplayName("R8/R9: a confirmed black listing initiates one task per measure, each on its own agency's topic only")
    void confirmedListingInitiatesTasks() {
        TopicProbe agencies = taskTopics();

        publish(Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject));

        List<ConsumerRecord<String, String>> initiated =
                awaitRecords(agencies, 3, r -> subject.key().equals(r.key()));
        Map<String, SanctionTaskInitiated> byTopic = initiated.stream().collect(Collectors.toMap(
                ConsumerRecord::topic, r -> (SanctionTaskInitiated) codec.decode(r.value()).data()));
        assertThat(byTopic).containsOnlyKeys(TAX_MAJOR_VIOLATION_AGENCIES.stream().map(Topics::agencyTasks).toList());
        byTopic.forEach((topic, task) -> {
            assertThat(topic).isEqualTo(Topics.agencyTasks(task.agencyCode()));
            assertThat(task.listingId()).isEqualTo(listingId);
            assertThat(task.listingVersion()).isEqualTo(2);
            assertThat(task.subject()).isEqualTo(subject);
            assertThat(task.legalBasis()).contains("003 §11");
        });
        assertThat(byTopic.get(Topics.agencyTasks("finance")).measureCode()).isEqualTo("RESTRICT_FISCAL_FUNDS");
        assertThat(decode(initiated)).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventTypes.TASK_INITIATED);
            assertThat(e.source()).isEqualTo("/sanction-service");
            assertThat(e.subject()).isEqualTo(subject.key());
        });

        // everything this listing put in the outbox is out, and it is exactly these three tasks (the relay marks them
        // sent once Kafka has acknowledged them, so possibly just after the records are read here; ServiceITSupport
        // keeps sent rows, with no retention, the default, the relay deletes them instead: OutboxSentRowsIT)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT topic FROM outbox WHERE message_key = :key AND published_at IS NOT NULL")
                        .param("key", subject.key()).query(String.class).list())
                        .containsExactlyInAnyOrderElementsOf(byTopic.keySet()));
        LoopView loop = awaitLoop(listingId, l -> l.tasks().size() == 3);
        assertThat(loop.state()).isEqualTo(TaskState.INITIATED);
        assertThat(loop.tasks()).extracting(TaskView::taskId)
                .containsExactlyInAnyOrderElementsOf(byTopic.values().stream().map(SanctionTaskInitiated::taskId).toList());
    }

    @Test
    @DisplayName("R9: a list type without measures initiates nothing, and its loop is not found")
    void listTypeWithoutMeasures() {
        Envelope<ListingConfirmed> confirmed = Listings.confirmed(listingId, 2,
                new ListType("NO_MEASURES_" + Listings.unique(), 1, "无措施名单", ListKind.GRAY, "tax"), subject);

        publish(confirmed);

        awaitHandled(ListingEventsListener.CONSUMER, confirmed);
        ResponseEntity<JsonNode> response =
                http.getForEntity("/api/sanction/listings/{id}/loop", JsonNode.class, listingId);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("status").asInt()).isEqualTo(404);
        assertThat(response.getBody().get("detail").asText()).contains(listingId.toString());
    }

    @Test
    @DisplayName("R8: the same confirmed event delivered twice initiates each task once")
    void duplicateDelivery() {
        TopicProbe agencies = taskTopics();
        Envelope<ListingConfirmed> confirmed = Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject);
        publish(confirmed);
        publish(confirmed);

        awaitHandled(ListingEventsListener.CONSUMER, confirmed); // both deliveries (the version guard drops the second)
        LoopView loop = awaitLoop(listingId, l -> l.tasks().size() == 3);
        assertThat(loop.tasks()).extracting(TaskView::agencyCode)
                .containsExactlyInAnyOrderElementsOf(TAX_MAJOR_VIOLATION_AGENCIES);
        assertThat(awaitRecords(agencies, 3, r -> subject.key().equals(r.key()))).hasSize(3);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = :key")
                .param("key", subject.key()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    @DisplayName("R13: an older confirmed event arriving after the exit changes nothing: no task is initiated")
    void staleConfirmationAfterExit() {
        Envelope<?> exited = Listings.exited(listingId, 3, Listings.TAX_MAJOR_VIOLATION, subject);
        Envelope<ListingConfirmed> lateConfirmation =
                Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject);

        publish(exited);
        publish(lateConfirmation);

        awaitHandled(ListingEventsListener.CONSUMER, lateConfirmation);
        assertThat(loop(listingId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = :key")
                .param("key", subject.key()).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("R10/R11: a correction lifts the tasks under the old record and the corrected record starts its own")
    void correctionSupersedesTasks() {
        TopicProbe agencies = taskTopics();
        publish(Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject));
        List<UUID> oldTasks = awaitLoop(listingId, l -> l.tasks().size() == 3).tasks().stream()
                .map(TaskView::taskId).toList();

        publish(Listings.corrected(listingId, 3, Listings.TAX_MAJOR_VIOLATION, subject));

        LoopView loop = awaitLoop(listingId, l -> l.tasks().size() == 6
                && l.tasks().stream().filter(t -> t.state() == TaskState.LIFTED).count() == 3);
        assertThat(loop.state()).isEqualTo(TaskState.INITIATED);
        assertThat(loop.tasks()).filteredOn(t -> oldTasks.contains(t.taskId())).hasSize(3).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TaskState.LIFTED);
            assertThat(t.liftReason()).contains("corrected");
        });
        assertThat(loop.tasks()).filteredOn(t -> !oldTasks.contains(t.taskId())).hasSize(3).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TaskState.INITIATED);
            assertThat(t.listingVersion()).isEqualTo(3);
        });
        List<ConsumerRecord<String, String>> lifted = awaitRecords(agencies, 3, r -> subject.key().equals(r.key())
                && EventTypes.TASK_LIFTED.equals(header(r, "ce_type")));
        assertThat(lifted).extracting(r -> ((SanctionTaskLifted) codec.decode(r.value()).data()).taskId())
                .containsExactlyInAnyOrderElementsOf(oldTasks);
        List<ConsumerRecord<String, String>> reissued = awaitRecords(agencies, 6, r -> subject.key().equals(r.key())
                && EventTypes.TASK_INITIATED.equals(header(r, "ce_type")));
        assertThat(reissued).extracting(r -> ((SanctionTaskInitiated) codec.decode(r.value()).data()).reason())
                .filteredOn(reason -> reason.contains("更正")).hasSize(3);
    }

    @Test
    @DisplayName("R13: a supersession (exit REVOKED) lifts every measure, answered or not")
    void supersessionLiftsEveryMeasure() {
        publish(Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject));
        awaitLoop(listingId, l -> l.tasks().size() == 3);

        publish(Listings.exited(listingId, 3, Listings.TAX_MAJOR_VIOLATION, subject, ExitReason.REVOKED));

        LoopView loop = awaitLoop(listingId, l -> l.state() == TaskState.LIFTED);
        assertThat(loop.tasks()).hasSize(3).allSatisfy(t -> assertThat(t.liftReason()).contains("REVOKED"));
        assertThat(outboxed(subject.key(), EventTypes.TASK_LIFTED)).isEqualTo(3);
    }

    @Test
    @DisplayName("R13: an exit arriving before the correction it overtook: the late correction changes nothing")
    void correctionAfterExitChangesNothing() {
        publish(Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject));
        awaitLoop(listingId, l -> l.tasks().size() == 3);
        publish(Listings.exited(listingId, 4, Listings.TAX_MAJOR_VIOLATION, subject));
        awaitLoop(listingId, l -> l.state() == TaskState.LIFTED);
        Envelope<?> lateCorrection = Listings.corrected(listingId, 3, Listings.TAX_MAJOR_VIOLATION, subject);

        publish(lateCorrection);

        awaitHandled(ListingEventsListener.CONSUMER, lateCorrection);
        LoopView loop = loop(listingId).getBody();
        assertThat(loop.tasks()).hasSize(3).allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.LIFTED));
        assertThat(outboxed(subject.key(), EventTypes.TASK_INITIATED)).isEqualTo(3);
        assertThat(outboxed(subject.key(), EventTypes.TASK_LIFTED)).isEqualTo(3);
    }

    @Test
    @DisplayName("R8: a correction overtaking its confirmation starts the tasks; the late confirmation adds none")
    void confirmationAfterCorrection() {
        Envelope<?> lateConfirmation = Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject);
        publish(Listings.corrected(listingId, 3, Listings.TAX_MAJOR_VIOLATION, subject));
        awaitLoop(listingId, l -> l.tasks().size() == 3);

        publish(lateConfirmation);

        awaitHandled(ListingEventsListener.CONSUMER, lateConfirmation);
        assertThat(loop(listingId).getBody().tasks()).hasSize(3)
                .allSatisfy(t -> assertThat(t.listingVersion()).isEqualTo(3));
        assertThat(outboxed(subject.key(), EventTypes.TASK_INITIATED)).isEqualTo(3);
    }

    @Test
    @DisplayName("R13: on exit every task is lifted and each agency is told to stop its measure")
    void exitLiftsEveryTask() {
        TopicProbe agencies = taskTopics();
        publish(Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject));
        List<UUID> taskIds = awaitLoop(listingId, l -> l.tasks().size() == 3).tasks().stream()
                .map(TaskView::taskId).toList();

        publish(Listings.exited(listingId, 3, Listings.TAX_MAJOR_VIOLATION, subject));

        LoopView loop = awaitLoop(listingId, l -> l.state() == TaskState.LIFTED);
        assertThat(loop.tasks()).hasSize(3).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TaskState.LIFTED);
            assertThat(t.liftedAt()).isAfterOrEqualTo(t.initiatedAt());
        });
        List<ConsumerRecord<String, String>> lifted = awaitRecords(agencies, 3, r -> subject.key().equals(r.key())
                && EventTypes.TASK_LIFTED.equals(header(r, "ce_type")));
        Map<UUID, ConsumerRecord<String, String>> byTask = lifted.stream().collect(Collectors.toMap(
                r -> ((SanctionTaskLifted) codec.decode(r.value()).data()).taskId(), Function.identity()));
        assertThat(byTask).containsOnlyKeys(taskIds);
        byTask.values().forEach(r -> {
            SanctionTaskLifted data = (SanctionTaskLifted) codec.decode(r.value()).data();
            assertThat(r.topic()).isEqualTo(Topics.agencyTasks(data.agencyCode()));
            assertThat(data.listingId()).isEqualTo(listingId);
            assertThat(data.reason()).contains("EXPIRED");
        });
    }

    @Test
    @DisplayName("a listing event that is not JSON goes to the dead-letter topic with its reason")
    void malformedEventIsDeadLettered() {
        TopicProbe deadLetters = probe(Topics.deadLetter(Topics.LISTING_EVENTS));
        String key = "poison-" + Listings.unique();

        sendRaw(Topics.LISTING_EVENTS, key, "{\"id\": \"not even closed\"");

        ConsumerRecord<String, String> dead = awaitRecords(deadLetters, 1, r -> key.equals(r.key())).get(0);
        assertThat(dead.value()).isEqualTo("{\"id\": \"not even closed\"");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.LISTING_EVENTS);
        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo("io.creditloop.messaging.PoisonMessageException");
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("not JSON");
    }

    @Test
    @DisplayName("a confirmed event without its subject goes to the dead-letter topic and initiates nothing")
    void incompleteConfirmationIsDeadLettered() {
        TopicProbe deadLetters = probe(Topics.deadLetter(Topics.LISTING_EVENTS));
        ListingConfirmed complete = Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION, subject).data();
        ListingConfirmed withoutSubject = new ListingConfirmed(listingId, 2, complete.listType(), null,
                complete.reason(), complete.basis(), complete.recognisingDepartment(), complete.recognitionDate(),
                complete.validFrom(), complete.validUntil(), complete.confirmedAt());

        publish(Envelope.of("/identification-service", EventTypes.LISTING_CONFIRMED, complete.confirmedAt(),
                subject.key(), withoutSubject));

        ConsumerRecord<String, String> dead = awaitRecords(deadLetters, 1, r -> subject.key().equals(r.key())).get(0);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("$.data.subject (required)");
        assertThat(loop(listingId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
