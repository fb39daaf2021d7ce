package io.creditloop.sanction.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.sanction.v1.SanctionTaskInitiated;
import io.creditloop.contracts.sanction.v1.SanctionTaskReminder;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.contracts.Envelope;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.sanction.task.web.TaskView;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** R8 (003 §18 自动提醒): response deadlines in working days, reminders once per task, the dashboard's overdue view. */
class ReminderIT extends ServiceITSupport {

    /** Monday 2 March 2026, 10:00 in Shanghai; five working days later is Monday 9 March. */
    private static final Instant MONDAY = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate RESPOND_BY = LocalDate.of(2026, 3, 9);

    @Autowired
    ReminderScheduler reminders;

    private final UUID listingId = UUID.randomUUID();
    private final Subject subject = Listings.newSubject();

    private List<TaskView> confirmOnMonday() {
        setClock(MONDAY);
        send(Topics.LISTING_EVENTS, subject.key(), Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION,
                subject));
        return awaitLoop(listingId, l -> l.tasks().size() == 3).tasks();
    }

    private void respond(TaskView task) {
        send(Topics.agencyResponses(task.agencyCode()), task.taskId().toString(),
                Envelope.of("/agency/" + task.agencyCode(), EventTypes.TASK_RESPONDED, MONDAY, task.taskId().toString(),
                        new TaskResponded(task.taskId(), task.agencyCode(), "已签收", MONDAY)));
        eventually().until(() -> task(task.taskId()).state() == TaskState.RESPONDED);
    }

    private List<TaskView> dashboard(String query) {
        JsonNode body = http.getForObject("/api/sanction/tasks?listingId=" + listingId + query, JsonNode.class);
        return StreamSupport.stream(body.spliterator(), false)
                .map(n -> codec.objectMapper().convertValue(n, TaskView.class)).toList();
    }

    @Test
    @DisplayName("R8: every task gets its response deadline in working days from its measure, and the agency is told it")
    void deadline() {
        TopicProbe finance = probe(Topics.agencyTasks("finance"));

        List<TaskView> tasks = confirmOnMonday();

        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.respondBy()).isEqualTo(RESPOND_BY);
            assertThat(t.measureVersion()).isEqualTo(1);
            assertThat(t.overdue()).isFalse();
        });
        SanctionTaskInitiated initiated = (SanctionTaskInitiated) codec.decode(finance.await(
                r -> subject.key().equals(r.key()), 1, java.time.Duration.ofSeconds(30)).get(0).value()).data();
        assertThat(initiated.respondBy()).isEqualTo(RESPOND_BY);
        assertThat(initiated.confirmationRequired()).isTrue();
        assertThat(initiated.scenarios()).containsExactly("FISCAL_FUNDS");
    }

    @Test
    @DisplayName("R8 (003 §18): on the last day and once overdue, each agency that has not responded is reminded once")
    void overdueTaskRaisesOneReminder() {
        List<TaskView> tasks = confirmOnMonday();
        TaskView answered = tasks.stream().filter(t -> t.agencyCode().equals("finance")).findFirst().orElseThrow();
        respond(answered);
        TopicProbe agencies = probe(tasks.stream().map(t -> Topics.agencyTasks(t.agencyCode())).toArray(String[]::new));

        setClock(Instant.parse("2026-03-06T02:00:00Z"));
        reminders.run();
        assertThat(outboxed(subject.key(), EventTypes.TASK_REMINDER)).isZero();

        setClock(Instant.parse("2026-03-09T02:00:00Z"));
        reminders.run();
        reminders.run();
        assertThat(outboxed(subject.key(), EventTypes.TASK_REMINDER)).isEqualTo(2);

        setClock(Instant.parse("2026-03-10T02:00:00Z"));
        reminders.run();
        reminders.run();
        assertThat(outboxed(subject.key(), EventTypes.TASK_REMINDER)).isEqualTo(4);

        List<ConsumerRecord<String, String>> sent = awaitRecords(agencies, 4, r -> subject.key().equals(r.key())
                && EventTypes.TASK_REMINDER.equals(header(r, "ce_type")));
        List<SanctionTaskReminder> data = sent.stream()
                .map(r -> (SanctionTaskReminder) codec.decode(r.value()).data()).toList();
        assertThat(data).extracting(SanctionTaskReminder::agencyCode)
                .containsOnly("market-regulation", "public-resource-trading");
        assertThat(data).extracting(SanctionTaskReminder::kind)
                .containsExactlyInAnyOrder("DUE_TODAY", "DUE_TODAY", "OVERDUE", "OVERDUE");
        assertThat(data).allSatisfy(r -> assertThat(r.respondBy()).isEqualTo(RESPOND_BY));
        assertThat(sent).allSatisfy(r -> assertThat(r.topic()).isEqualTo(Topics.agencyTasks(
                ((SanctionTaskReminder) codec.decode(r.value()).data()).agencyCode())));

        assertThat(dashboard("&overdue=true")).extracting(TaskView::agencyCode)
                .containsExactlyInAnyOrder("market-regulation", "public-resource-trading");
        assertThat(dashboard("&overdue=true&agency=market-regulation")).hasSize(1)
                .allSatisfy(t -> assertThat(t.overdueRemindedAt()).isNotNull());
        assertThat(dashboard("&overdue=false")).extracting(TaskView::agencyCode).containsExactly("finance");
        assertThat(dashboard("&state=RESPONDED")).extracting(TaskView::taskId).containsExactly(answered.taskId());
    }

    @Test
    @DisplayName("R8: two instances running the reminder job at once still remind each task once")
    void concurrentRunsRemindOnce() {
        confirmOnMonday();
        setClock(Instant.parse("2026-03-12T02:00:00Z"));

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(reminders::run);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(reminders::run);
        first.join();
        second.join();

        assertThat(outboxed(subject.key(), EventTypes.TASK_REMINDER)).isEqualTo(3);
        assertThat(dashboard("&overdue=true")).hasSize(3);
    }

    @Test
    @DisplayName("R13: a lifted task is neither overdue nor reminded")
    void liftedTaskIsNotReminded() {
        confirmOnMonday();
        send(Topics.LISTING_EVENTS, subject.key(), Listings.exited(listingId, 3, Listings.TAX_MAJOR_VIOLATION,
                subject));
        awaitLoop(listingId, l -> l.state() == TaskState.LIFTED);
        setClock(Instant.parse("2026-03-12T02:00:00Z"));

        reminders.run();

        assertThat(outboxed(subject.key(), EventTypes.TASK_REMINDER)).isZero();
        assertThat(dashboard("&overdue=true")).isEmpty();
    }
}
