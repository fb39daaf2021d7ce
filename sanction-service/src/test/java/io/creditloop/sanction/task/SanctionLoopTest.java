package io.creditloop.sanction.task;

import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.TestMeasures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SanctionLoopTest {

    private static final Instant AT = Instant.parse("2024-04-22T01:30:00Z");
    private static final UUID LISTING = UUID.randomUUID();

    private static SanctionTask task(String agency) {
        return SanctionTask.initiate(UUID.randomUUID(), LISTING, 2, "USCC:91420200MA4KLB7Q32",
                TestMeasures.measure("TAX_MAJOR_VIOLATION", agency, "M", "措施", "003 §11"), null, AT);
    }

    @Test
    @DisplayName("R8: the loop stands where its slowest agency stands")
    void leastAdvancedState() {
        SanctionTask fedBack = task("finance");
        fedBack.answer(new Answer.FedBack("已限制", null, null, null, AT.plusSeconds(3)));
        SanctionTask responded = task("market-regulation");
        responded.answer(new Answer.Responded(AT.plusSeconds(1)));
        SanctionTask implemented = task("public-resource-trading");
        implemented.answer(new Answer.Implemented(null, AT.plusSeconds(2)));

        SanctionLoop loop = SanctionLoop.of(LISTING, List.of(fedBack, responded, implemented)).orElseThrow();

        assertThat(loop.state()).isEqualTo(TaskState.RESPONDED);
        assertThat(loop.tasks()).hasSize(3);
    }

    @Test
    @DisplayName("R8/R13: lifted tasks do not hold the loop back")
    void liftedTasksAreIgnored() {
        SanctionTask lifted = task("finance");
        lifted.lift("listing exited: EXPIRED", AT.plusSeconds(1));
        SanctionTask implemented = task("market-regulation");
        implemented.answer(new Answer.Implemented(null, AT.plusSeconds(2)));

        assertThat(SanctionLoop.of(LISTING, List.of(lifted, implemented)).orElseThrow().state())
                .isEqualTo(TaskState.IMPLEMENTED);
    }

    @Test
    @DisplayName("R13: a loop whose tasks are all lifted is lifted")
    void allLifted() {
        SanctionTask a = task("finance");
        SanctionTask b = task("market-regulation");
        a.lift("listing exited: EXPIRED", AT);
        b.lift("listing exited: EXPIRED", AT);

        assertThat(SanctionLoop.of(LISTING, List.of(a, b)).orElseThrow().state()).isEqualTo(TaskState.LIFTED);
    }

    @Test
    @DisplayName("R8: a listing without tasks has no loop")
    void noTasks() {
        assertThat(SanctionLoop.of(LISTING, List.of())).isEmpty();
    }

    @Test
    @DisplayName("R8: the loop is closed when every task in force is: fed back, or responded to without confirmation")
    void closedWhenEveryTaskInForceIsClosed() {
        SanctionTask noConfirmation = SanctionTask.initiate(UUID.randomUUID(), LISTING, 2, "USCC:91420200MA4KLB7Q32",
                TestMeasures.withoutConfirmation("TAX_A_GRADE", "market-regulation", "GREEN_CHANNEL", "绿色通道",
                        "003 §8"), null, AT);
        SanctionTask confirmation = task("finance");
        SanctionTask lifted = task("transport");
        lifted.lift("listing corrected", AT);
        noConfirmation.answer(new Answer.Responded(AT.plusSeconds(1)));
        confirmation.answer(new Answer.Implemented(null, AT.plusSeconds(2)));

        assertThat(SanctionLoop.of(LISTING, List.of(noConfirmation, confirmation, lifted)).orElseThrow().closed())
                .isFalse();

        confirmation.answer(new Answer.FedBack("已限制", null, null, null, AT.plusSeconds(3)));

        SanctionLoop loop = SanctionLoop.of(LISTING, List.of(noConfirmation, confirmation, lifted)).orElseThrow();
        assertThat(loop.closed()).isTrue();
        assertThat(loop.state()).isEqualTo(TaskState.RESPONDED);
    }

    @Test
    @DisplayName("R13: a loop whose tasks are all lifted is not closed")
    void allLiftedIsNotClosed() {
        SanctionTask a = task("finance");
        a.lift("listing exited: EXPIRED", AT);

        assertThat(SanctionLoop.of(LISTING, List.of(a)).orElseThrow().closed()).isFalse();
    }
}
