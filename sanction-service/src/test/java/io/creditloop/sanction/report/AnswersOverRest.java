package io.creditloop.sanction.report;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.sanction.v1.FeedbackGiven;
import io.creditloop.contracts.sanction.v1.MeasureImplemented;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.messaging.EventCodec;
import io.creditloop.sanction.task.web.TaskView;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency answering its tasks through {@code POST /api/sanction/tasks/{id}/responses}, at the times a test sets. */
public record AnswersOverRest(TestRestTemplate http, EventCodec codec) {

    public TaskView respond(TaskView task, Instant at) {
        return post(task, EventTypes.TASK_RESPONDED, new TaskResponded(task.taskId(), task.agencyCode(), "已签收", at),
                at);
    }

    public TaskView implement(TaskView task, Instant at, String businessItem) {
        return post(task, EventTypes.MEASURE_IMPLEMENTED, new MeasureImplemented(task.taskId(), task.agencyCode(),
                businessItem, "已在业务系统设置", at), at);
    }

    public TaskView feedBack(TaskView task, Instant at, String measureApplied, String businessItem, BigDecimal amount,
                             String explanation) {
        return post(task, EventTypes.FEEDBACK_GIVEN, new FeedbackGiven(task.taskId(), task.agencyCode(),
                measureApplied, businessItem, amount, explanation, at), at);
    }

    private <T> TaskView post(TaskView task, String type, T data, Instant at) {
        Envelope<T> answer = Envelope.of("/agency/" + task.agencyCode(), type, at, task.taskId().toString(), data);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<TaskView> response = http.postForEntity("/api/sanction/tasks/{id}/responses",
                new HttpEntity<>(codec.encode(answer), headers), TaskView.class, task.taskId());
        assertThat(response.getStatusCode()).as("answer %s to task %s", type, task.taskId())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
