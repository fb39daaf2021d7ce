package io.creditloop.sanction.task;

import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.TestMeasures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SanctionTaskTest {

    private static final Instant INITIATED = Instant.parse("2024-04-22T01:30:00Z");
    private static final Instant RESPONDED = INITIATED.plusSeconds(3_600);
    private static final Instant IMPLEMENTED = RESPONDED.plusSeconds(3_600);
    private static final Instant FED_BACK = IMPLEMENTED.plusSeconds(3_600);
    private static final Measure FISCAL_FUNDS = TestMeasures.measure("TAX_MAJOR_VIOLATION", "finance",
            "RESTRICT_FISCAL_FUNDS", "限制申请财政性资金项目", "003 §11");

    private static SanctionTask task() {
        return SanctionTask.initiate(UUID.randomUUID(), UUID.randomUUID(), 2, "USCC:91420200MA4KLB7Q32",
                FISCAL_FUNDS, java.time.LocalDate.of(2024, 4, 29), INITIATED);
    }

    private static Answer.FedBack feedback(Instant at) {
        return new Answer.FedBack("已限制申请财政性资金项目", "2024年度专项资金申报", new BigDecimal("500000.00"),
                "申报被驳回", at);
    }

    @Test
    @DisplayName("R8: a task is initiated for the measure's agency and nothing else has happened yet")
    void initiated() {
        SanctionTask task = task();

        assertThat(task.state()).isEqualTo(TaskState.INITIATED);
        assertThat(task.agencyCode()).isEqualTo("finance");
        assertThat(task.measureCode()).isEqualTo("RESTRICT_FISCAL_FUNDS");
        assertThat(task.measure()).isEqualTo("限制申请财政性资金项目");
        assertThat(task.listTypeCode()).isEqualTo("TAX_MAJOR_VIOLATION");
        assertThat(task.initiatedAt()).isEqualTo(INITIATED);
        assertThat(task.respondedAt()).isNull();
        assertThat(task.implementedAt()).isNull();
        assertThat(task.fedBackAt()).isNull();
        assertThat(task.liftedAt()).isNull();
    }

    @Test
    @DisplayName("R8: initiate → respond → implement → feedback, each step with its time")
    void fullLoop() {
        SanctionTask task = task();

        assertThat(task.answer(new Answer.Responded(RESPONDED))).isEqualTo(Outcome.ADVANCED);
        assertThat(task.state()).isEqualTo(TaskState.RESPONDED);
        assertThat(task.answer(new Answer.Implemented("2024年度专项资金申报", IMPLEMENTED))).isEqualTo(Outcome.ADVANCED);
        assertThat(task.state()).isEqualTo(TaskState.IMPLEMENTED);
        assertThat(task.answer(feedback(FED_BACK))).isEqualTo(Outcome.ADVANCED);

        assertThat(task.state()).isEqualTo(TaskState.FED_BACK);
        assertThat(task.respondedAt()).isEqualTo(RESPONDED);
        assertThat(task.implementedAt()).isEqualTo(IMPLEMENTED);
        assertThat(task.fedBackAt()).isEqualTo(FED_BACK);
        assertThat(task.measureApplied()).isEqualTo("已限制申请财政性资金项目");
        assertThat(task.businessItem()).isEqualTo("2024年度专项资金申报");
        assertThat(task.amount()).isEqualByComparingTo("500000");
        assertThat(task.explanation()).isEqualTo("申报被驳回");
    }

    @Test
    @DisplayName("R8: a repeated answer changes nothing, not even its time")
    void repeatedAnswer() {
        SanctionTask task = task();
        task.answer(new Answer.Responded(RESPONDED));

        assertThat(task.answer(new Answer.Responded(RESPONDED.plusSeconds(60)))).isEqualTo(Outcome.UNCHANGED);

        assertThat(task.state()).isEqualTo(TaskState.RESPONDED);
        assertThat(task.respondedAt()).isEqualTo(RESPONDED);
    }

    @Test
    @DisplayName("R8: a second feedback does not overwrite the first")
    void repeatedFeedback() {
        SanctionTask task = task();
        task.answer(feedback(FED_BACK));

        Outcome outcome = task.answer(new Answer.FedBack("另一结果", null, BigDecimal.ONE, "后到", FED_BACK.plusSeconds(60)));

        assertThat(outcome).isEqualTo(Outcome.UNCHANGED);
        assertThat(task.measureApplied()).isEqualTo("已限制申请财政性资金项目");
        assertThat(task.amount()).isEqualByComparingTo("500000");
        assertThat(task.fedBackAt()).isEqualTo(FED_BACK);
    }

    @Test
    @DisplayName("R8: an older answer arriving after a newer one changes nothing")
    void olderAnswerAfterNewer() {
        SanctionTask task = task();
        task.answer(new Answer.Implemented("专项资金申报", IMPLEMENTED));

        assertThat(task.answer(new Answer.Responded(RESPONDED))).isEqualTo(Outcome.UNCHANGED);

        assertThat(task.state()).isEqualTo(TaskState.IMPLEMENTED);
        assertThat(task.respondedAt()).isEqualTo(IMPLEMENTED);
    }

    @Test
    @DisplayName("R8: implemented before responded advances and fills the response it implies")
    void skippedStepIsFilled() {
        SanctionTask task = task();

        assertThat(task.answer(new Answer.Implemented("专项资金申报", IMPLEMENTED))).isEqualTo(Outcome.ADVANCED);

        assertThat(task.state()).isEqualTo(TaskState.IMPLEMENTED);
        assertThat(task.respondedAt()).isEqualTo(IMPLEMENTED);
        assertThat(task.implementedAt()).isEqualTo(IMPLEMENTED);
        assertThat(task.businessItem()).isEqualTo("专项资金申报");
    }

    @Test
    @DisplayName("R8: feedback on a task just responded fills implementation but keeps the real response time")
    void feedbackAfterResponseFillsImplementation() {
        SanctionTask task = task();
        task.answer(new Answer.Responded(RESPONDED));

        assertThat(task.answer(feedback(FED_BACK))).isEqualTo(Outcome.ADVANCED);

        assertThat(task.state()).isEqualTo(TaskState.FED_BACK);
        assertThat(task.respondedAt()).isEqualTo(RESPONDED);
        assertThat(task.implementedAt()).isEqualTo(FED_BACK);
        assertThat(task.fedBackAt()).isEqualTo(FED_BACK);
    }

    @Test
    @DisplayName("R8: feedback keeps the business item reported at implementation when it names none")
    void feedbackWithoutBusinessItemKeepsImplementationOne() {
        SanctionTask task = task();
        task.answer(new Answer.Implemented("专项资金申报", IMPLEMENTED));

        task.answer(new Answer.FedBack("已限制", null, null, null, FED_BACK));

        assertThat(task.businessItem()).isEqualTo("专项资金申报");
    }

    @Test
    @DisplayName("R13: a lifted task ignores every later answer")
    void liftedIgnoresAnswers() {
        SanctionTask task = task();
        task.answer(new Answer.Responded(RESPONDED));
        Instant lifted = RESPONDED.plusSeconds(60);

        assertThat(task.lift("listing exited: EXPIRED", lifted)).isEqualTo(Outcome.ADVANCED);
        assertThat(task.answer(new Answer.Implemented("专项资金申报", IMPLEMENTED))).isEqualTo(Outcome.TASK_LIFTED);
        assertThat(task.answer(feedback(FED_BACK))).isEqualTo(Outcome.TASK_LIFTED);

        assertThat(task.state()).isEqualTo(TaskState.LIFTED);
        assertThat(task.liftedAt()).isEqualTo(lifted);
        assertThat(task.respondedAt()).isEqualTo(RESPONDED);
        assertThat(task.implementedAt()).isNull();
        assertThat(task.fedBackAt()).isNull();
        assertThat(task.businessItem()).isNull();
    }

    @Test
    @DisplayName("R13: lifting twice keeps the first lift time")
    void liftTwice() {
        SanctionTask task = task();
        task.lift("listing exited: EXPIRED", RESPONDED);

        assertThat(task.lift("listing exited: EXPIRED", FED_BACK)).isEqualTo(Outcome.UNCHANGED);

        assertThat(task.liftedAt()).isEqualTo(RESPONDED);
    }

    @Test
    @DisplayName("R13: a task whose loop is closed is still lifted when the listing exits")
    void fedBackTaskIsLifted() {
        SanctionTask task = task();
        task.answer(feedback(FED_BACK));

        assertThat(task.lift("listing exited: EXPIRED", FED_BACK.plusSeconds(60))).isEqualTo(Outcome.ADVANCED);

        assertThat(task.state()).isEqualTo(TaskState.LIFTED);
        assertThat(task.fedBackAt()).isEqualTo(FED_BACK);
    }

    private static SanctionTask taskWithoutConfirmation() {
        return SanctionTask.initiate(UUID.randomUUID(), UUID.randomUUID(), 2, "USCC:91420200MA4KLB7Q32",
                TestMeasures.withoutConfirmation("TAX_A_GRADE", "market-regulation", "GREEN_CHANNEL", "绿色通道",
                        "003 §8"), java.time.LocalDate.of(2024, 4, 29), INITIATED);
    }

    @Test
    @DisplayName("R8: a measure that needs no confirmation closes on the agency's response")
    void withoutConfirmationClosesOnResponse() {
        SanctionTask task = taskWithoutConfirmation();
        assertThat(task.isClosed()).isFalse();

        task.answer(new Answer.Responded(RESPONDED));

        assertThat(task.isClosed()).isTrue();
        assertThat(task.closedAt()).isEqualTo(RESPONDED);
        // a later implementation or feedback adds detail; the loop closed when the agency responded
        task.answer(feedback(FED_BACK));
        assertThat(task.closedAt()).isEqualTo(RESPONDED);
    }

    @Test
    @DisplayName("R8: a measure that needs confirmation stays open after response and implementation, until feedback")
    void withConfirmationClosesOnFeedback() {
        SanctionTask task = task();

        task.answer(new Answer.Responded(RESPONDED));
        assertThat(task.isClosed()).isFalse();
        task.answer(new Answer.Implemented("2024年度专项资金申报", IMPLEMENTED));
        assertThat(task.isClosed()).isFalse();
        assertThat(task.closedAt()).isNull();

        task.answer(feedback(FED_BACK));

        assertThat(task.isClosed()).isTrue();
        assertThat(task.closedAt()).isEqualTo(FED_BACK);
    }

    @Test
    @DisplayName("R13: a lifted task is not closed, whatever it had reached")
    void liftedIsNotClosed() {
        SanctionTask task = taskWithoutConfirmation();
        task.answer(new Answer.Responded(RESPONDED));

        task.lift("listing exited: EXPIRED", IMPLEMENTED);

        assertThat(task.isClosed()).isFalse();
        assertThat(task.closedAt()).isNull();
    }
}
