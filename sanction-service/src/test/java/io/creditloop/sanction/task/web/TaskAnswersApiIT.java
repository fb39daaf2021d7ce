package io.creditloop.sanction.task.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.sanction.v1.FeedbackGiven;
import io.creditloop.contracts.sanction.v1.MeasureImplemented;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.sanction.task.TaskState;
import io.creditloop.testsupport.TopicProbe;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R8: agencies without a Kafka client answer through REST with the same contract events, to the same effect. */
class TaskAnswersApiIT extends ServiceITSupport {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private TaskView financeTask(UUID listingId, Subject subject) {
        send(Topics.LISTING_EVENTS, subject.key(), Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION,
                subject));
        return awaitLoop(listingId, l -> l.tasks().size() == 3).tasks().stream()
                .filter(t -> t.agencyCode().equals("finance")).findFirst().orElseThrow();
    }

    /** The three answers a finance agency gives, with fixed times and ids derived from the task. */
    private static List<Envelope<?>> answers(TaskView task) {
        UUID id = task.taskId();
        return List.of(
                answer(task, EventTypes.TASK_RESPONDED, new TaskResponded(id, "finance", "已签收", T0)),
                answer(task, EventTypes.MEASURE_IMPLEMENTED, new MeasureImplemented(id, "finance",
                        "2026年度工业发展专项资金申报", "已在申报系统设置限制", T0.plusSeconds(60))),
                answer(task, EventTypes.FEEDBACK_GIVEN, new FeedbackGiven(id, "finance", "限制申请财政性资金项目",
                        "2026年度工业发展专项资金申报", new BigDecimal("500000.00"), "驳回申报，涉及资金50万元",
                        T0.plusSeconds(120))));
    }

    private static <T> Envelope<T> answer(TaskView task, String type, T data) {
        return Envelope.of("/agency/finance", type, T0, task.taskId().toString(), data);
    }

    private ResponseEntity<JsonNode> post(UUID taskId, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/sanction/tasks/{id}/responses", new HttpEntity<>(body, headers),
                JsonNode.class, taskId);
    }

    private ResponseEntity<JsonNode> post(UUID taskId, Envelope<?> answer) {
        return post(taskId, codec.encode(answer));
    }

    @Test
    @DisplayName("R8: respond, implement and feedback over REST leave the same state as over Kafka")
    void restAndKafkaGiveTheSameState() {
        TaskView overKafka = financeTask(UUID.randomUUID(), Listings.newSubject());
        TaskView overRest = financeTask(UUID.randomUUID(), Listings.newSubject());

        answers(overKafka).forEach(a -> send(Topics.agencyResponses("finance"), overKafka.taskId().toString(), a));
        for (Envelope<?> a : answers(overRest)) {
            assertThat(post(overRest.taskId(), a).getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        eventually().until(() -> task(overKafka.taskId()).state() == TaskState.FED_BACK);
        TaskView kafka = task(overKafka.taskId());
        TaskView rest = task(overRest.taskId());
        assertThat(rest).usingRecursiveComparison()
                .ignoringFields("taskId", "listingId", "initiatedAt")
                .isEqualTo(kafka);
        assertThat(rest.state()).isEqualTo(TaskState.FED_BACK);
        assertThat(rest.respondedAt()).isEqualTo(T0);
        assertThat(rest.implementedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(rest.fedBackAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(rest.measureApplied()).isEqualTo("限制申请财政性资金项目");
        assertThat(rest.businessItem()).isEqualTo("2026年度工业发展专项资金申报");
        assertThat(rest.amount()).isEqualByComparingTo("500000");
        assertThat(rest.explanation()).isEqualTo("驳回申报，涉及资金50万元");
    }

    @Test
    @DisplayName("R8: the same answer twice, or over REST after Kafka, is applied once; an older one changes nothing")
    void duplicateAndOutOfOrderAnswers() {
        TaskView task = financeTask(UUID.randomUUID(), Listings.newSubject());
        List<Envelope<?>> answers = answers(task);
        send(Topics.agencyResponses("finance"), task.taskId().toString(), answers.get(2));
        eventually().until(() -> task(task.taskId()).state() == TaskState.FED_BACK);
        TaskView fedBack = task(task.taskId());

        ResponseEntity<JsonNode> again = post(task.taskId(), answers.get(2));
        ResponseEntity<JsonNode> older = post(task.taskId(), answers.get(0));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("state").asText()).isEqualTo("FED_BACK");
        assertThat(older.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(task(task.taskId())).isEqualTo(fedBack);
        assertThat(fedBack.respondedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    @DisplayName("R13: an answer over REST to a lifted task is a 409 problem and changes nothing")
    void answerToLiftedTask() {
        UUID listingId = UUID.randomUUID();
        Subject subject = Listings.newSubject();
        TaskView task = financeTask(listingId, subject);
        send(Topics.LISTING_EVENTS, subject.key(), Listings.exited(listingId, 3, Listings.TAX_MAJOR_VIOLATION,
                subject));
        awaitLoop(listingId, l -> l.state() == TaskState.LIFTED);
        TopicProbe financeTasks = probe(Topics.agencyTasks("finance"));

        ResponseEntity<JsonNode> response = post(task.taskId(), answers(task).get(1));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("type").asText()).endsWith("/task-lifted");
        assertThat(response.getBody().get("liftReason").asText()).isEqualTo("listing exited: EXPIRED");
        TaskView after = task(task.taskId());
        assertThat(after.state()).isEqualTo(TaskState.LIFTED);
        assertThat(after.implementedAt()).isNull();
        // REST callers get the 409; only Kafka callers get a notice on their task topic
        assertThat(financeTasks.drain(r -> subject.key().equals(r.key())
                && EventTypes.TASK_ALREADY_LIFTED.equals(header(r, "ce_type")), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    @DisplayName("R8: unknown task 404, another agency's task 403, mismatched or malformed answers 400")
    void refusedAnswers() {
        TaskView task = financeTask(UUID.randomUUID(), Listings.newSubject());
        UUID unknown = UUID.randomUUID();
        Envelope<TaskResponded> foreign = Envelope.of("/agency/transport", EventTypes.TASK_RESPONDED, T0,
                task.taskId().toString(), new TaskResponded(task.taskId(), "transport", null, T0));
        Envelope<TaskResponded> forUnknown = Envelope.of("/agency/finance", EventTypes.TASK_RESPONDED, T0,
                unknown.toString(), new TaskResponded(unknown, "finance", null, T0));

        assertThat(post(unknown, forUnknown).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(task.taskId(), foreign).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> mismatch = post(unknown, answers(task).get(0));
        assertThat(mismatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(mismatch.getBody().get("errors").get(0).get("field").asText()).isEqualTo("data.taskId");
        ResponseEntity<JsonNode> incomplete = post(task.taskId(), codec.encode(answers(task).get(2))
                .replace("\"measureApplied\"", "\"somethingElse\""));
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody().get("detail").asText()).contains("measureApplied");
        ResponseEntity<JsonNode> notAnAnswer = post(task.taskId(), codec.encode(Listings.confirmed(UUID.randomUUID(),
                2, Listings.TAX_MAJOR_VIOLATION, Listings.newSubject())));
        assertThat(notAnAnswer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(task.taskId(), "{not json").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(task(task.taskId()).state()).isEqualTo(TaskState.INITIATED);
    }
}
