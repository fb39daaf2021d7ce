package io.creditloop.repair.creditrepair;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalDeadlineTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 2);
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private final CreditRepair applied = CreditRepair.applied(UUID.randomUUID(), "USCC:x",
            RepairMode.PUBLICATION_WITHDRAWN, "某公司", "已整改", false, NOW, DUE);

    @Test
    @DisplayName("R12: the department's opinion is overdue the day after its due date, not on it")
    void opinionOverdue() {
        assertThat(ApprovalDeadline.overdue(applied, DUE)).isEmpty();
        assertThat(ApprovalDeadline.overdue(applied, DUE.plusDays(1))).get()
                .satisfies(a -> {
                    assertThat(a.step()).isEqualTo(ApprovalDeadline.Step.OPINION);
                    assertThat(a.dueDate()).isEqualTo(DUE);
                    assertThat(a.alarm()).isEqualTo("OVERDUE");
                });
    }

    @Test
    @DisplayName("R12: after the opinion, the credit office's review is the step watched; a closed repair has none")
    void reviewOverdue() {
        CreditRepair opinion = applied.opinion(true, "同意", "王科长", NOW, DUE.plusDays(7));
        assertThat(ApprovalDeadline.overdue(opinion, DUE.plusDays(3))).isEmpty();
        assertThat(ApprovalDeadline.overdue(opinion, DUE.plusDays(8))).get()
                .extracting(ApprovalDeadline.Alarm::step).isEqualTo(ApprovalDeadline.Step.REVIEW);
        CreditRepair refused = applied.opinion(false, "不同意", "王科长", NOW, DUE.plusDays(7));
        assertThat(ApprovalDeadline.overdue(refused, DUE.plusYears(1))).isEmpty();
    }
}
