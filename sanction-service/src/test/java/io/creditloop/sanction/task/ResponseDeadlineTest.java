package io.creditloop.sanction.task;

import io.creditloop.calendar.WorkingDayCalendar;
import io.creditloop.sanction.measure.TestMeasures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseDeadlineTest {

    // 2026: 4 and 5 April off (清明, a Saturday and Sunday anyway) and 6 April off; Sunday 26 April a working day (调休)
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(Set.of(2026),
            Map.of(LocalDate.of(2026, 4, 6), true, LocalDate.of(2026, 4, 26), false));

    private static SanctionTask task(LocalDate respondBy) {
        return SanctionTask.initiate(UUID.randomUUID(), UUID.randomUUID(), 2, "USCC:91420200MA4KLB7Q32",
                TestMeasures.measure("TAX_MAJOR_VIOLATION", "finance", "RESTRICT_FISCAL_FUNDS", "限制", "003 §11"),
                respondBy, Instant.parse("2026-04-01T02:00:00Z"));
    }

    @Test
    @DisplayName("R8/R6: the response deadline counts working days, skipping weekends and holidays")
    void countsWorkingDays() {
        // Wed 1 April + 5 working days: 2, 3, (4-6 off), 7, 8, 9
        assertThat(ResponseDeadline.respondBy(CALENDAR, LocalDate.of(2026, 4, 1), 5))
                .contains(LocalDate.of(2026, 4, 9));
        // Fri 24 April + 1: Sunday 26 April is an adjusted working day
        assertThat(ResponseDeadline.respondBy(CALENDAR, LocalDate.of(2026, 4, 24), 1))
                .contains(LocalDate.of(2026, 4, 26));
    }

    @Test
    @DisplayName("R8/R6: a deadline in a year the calendar does not know is not guessed")
    void unknownYear() {
        assertThat(ResponseDeadline.respondBy(CALENDAR, LocalDate.of(2026, 12, 30), 5)).isEmpty();
    }

    @Test
    @DisplayName("R8 (003 §18): no reminder before the deadline, one on its last day, one once it has passed")
    void reminders() {
        LocalDate respondBy = LocalDate.of(2026, 4, 9);
        SanctionTask task = task(respondBy);

        assertThat(task.reminderDue(respondBy.minusDays(1))).isEmpty();
        assertThat(task.reminderDue(respondBy)).contains(new Reminder(Reminder.Kind.DUE_TODAY, respondBy));
        assertThat(task.reminderDue(respondBy.plusDays(1))).contains(new Reminder(Reminder.Kind.OVERDUE, respondBy));
        assertThat(task.isOverdue(respondBy)).isFalse();
        assertThat(task.isOverdue(respondBy.plusDays(1))).isTrue();
    }

    @Test
    @DisplayName("R8 (003 §18): each reminder goes out once per task")
    void remindedOnce() {
        LocalDate respondBy = LocalDate.of(2026, 4, 9);
        LocalDate late = respondBy.plusDays(3);
        SanctionTask task = task(respondBy);

        assertThat(task.remind(Reminder.Kind.OVERDUE, late, Instant.parse("2026-04-12T01:00:00Z"))).isTrue();

        assertThat(task.reminderDue(late)).isEmpty();
        assertThat(task.reminderDue(late.plusDays(10))).isEmpty();
        assertThat(task.remind(Reminder.Kind.OVERDUE, late, Instant.parse("2026-04-13T01:00:00Z"))).isFalse();
        assertThat(task.overdueRemindedAt()).isEqualTo(Instant.parse("2026-04-12T01:00:00Z"));
    }

    @Test
    @DisplayName("R8: a task that was answered or lifted is neither overdue nor reminded")
    void answeredOrLiftedIsNotReminded() {
        LocalDate respondBy = LocalDate.of(2026, 4, 9);
        SanctionTask responded = task(respondBy);
        responded.answer(new Answer.Responded(Instant.parse("2026-04-10T01:00:00Z")));
        SanctionTask lifted = task(respondBy);
        lifted.lift("listing exited: REPAIRED", Instant.parse("2026-04-08T01:00:00Z"));

        assertThat(responded.reminderDue(respondBy.plusDays(5))).isEmpty();
        assertThat(responded.isOverdue(respondBy.plusDays(5))).isFalse();
        assertThat(lifted.reminderDue(respondBy.plusDays(5))).isEmpty();
        assertThat(task(null).reminderDue(respondBy.plusDays(5))).isEmpty();
    }
}
