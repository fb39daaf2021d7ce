package io.creditloop.sanction.task;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.sanction.v1.FeedbackGiven;
import io.creditloop.contracts.sanction.v1.MeasureImplemented;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.PoisonMessageException;
import io.creditloop.sanction.task.Answer;
import io.creditloop.sanction.task.TaskState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgencyAnswersTest {

    private static final Instant SENT = Instant.parse("2024-04-23T02:00:00Z");
    private static final Instant AT = Instant.parse("2024-04-23T01:00:00Z");
    private final UUID taskId = UUID.randomUUID();

    private static <T> Envelope<T> event(String type, T data) {
        return new Envelope<>(null, UUID.randomUUID().toString(), "/agency/finance", type, SENT, null, null, data);
    }

    @Test
    @DisplayName("R8: responded maps to a response at the agency's time")
    void responded() {
        AgencyAnswers.AgencyAnswer answer = AgencyAnswers.from(event(EventTypes.TASK_RESPONDED,
                new TaskResponded(taskId, "finance", "已接收", AT))).orElseThrow();

        assertThat(answer).isEqualTo(new AgencyAnswers.AgencyAnswer(taskId, "finance", new Answer.Responded(AT)));
    }

    @Test
    @DisplayName("R8: implemented maps with its business item")
    void implemented() {
        AgencyAnswers.AgencyAnswer answer = AgencyAnswers.from(event(EventTypes.MEASURE_IMPLEMENTED,
                new MeasureImplemented(taskId, "finance", "专项资金申报", "已拦截", AT))).orElseThrow();

        assertThat(answer.answer()).isEqualTo(new Answer.Implemented("专项资金申报", AT));
        assertThat(answer.answer().reaches()).isEqualTo(TaskState.IMPLEMENTED);
    }

    @Test
    @DisplayName("R8: feedback maps every field of the feedback form")
    void feedback() {
        AgencyAnswers.AgencyAnswer answer = AgencyAnswers.from(event(EventTypes.FEEDBACK_GIVEN,
                new FeedbackGiven(taskId, "finance", "已限制", "专项资金申报", new BigDecimal("12.50"), "驳回", AT)))
                .orElseThrow();

        assertThat(answer.answer()).isEqualTo(
                new Answer.FedBack("已限制", "专项资金申报", new BigDecimal("12.50"), "驳回", AT));
    }

    @Test
    @DisplayName("R8: an answer without its own time happened when the agency sent it")
    void missingStepTimeFallsBackToEventTime() {
        AgencyAnswers.AgencyAnswer answer = AgencyAnswers.from(event(EventTypes.TASK_RESPONDED,
                new TaskResponded(taskId, "finance", null, null))).orElseThrow();

        assertThat(answer.answer().at()).isEqualTo(SENT);
    }

    @Test
    @DisplayName("an answer that names no task or no agency is poison")
    void incompleteAnswerIsPoison() {
        assertThatThrownBy(() -> AgencyAnswers.from(event(EventTypes.TASK_RESPONDED,
                new TaskResponded(null, "finance", null, AT))))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("taskId");
        assertThatThrownBy(() -> AgencyAnswers.from(event(EventTypes.TASK_RESPONDED,
                new TaskResponded(taskId, " ", null, AT))))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("agencyCode");
    }

    @Test
    @DisplayName("a type this build does not read (a newer version) is no answer, not an error")
    void unknownTypeIsSkipped() {
        String v2 = """
                {"specversion":"1.0","id":"e1","source":"/agency/finance","type":"agency.task.responded.v2",
                 "time":"2024-04-23T02:00:00Z","data":{"taskId":"%s"}}""".formatted(taskId);

        assertThat(AgencyAnswers.from(new EventCodec().decode(v2))).isEmpty();
    }
}
