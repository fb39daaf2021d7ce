package io.creditloop.sharing.forward;

import io.creditloop.calendar.HolidayFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** R6 deadlines against the built-in calendar (holiday-cn data, the same as shared/calendar/2026.json). */
class ForwardDeadlineTest {

    private static final ForwardDeadline DEADLINES = new ForwardDeadline(HolidayFiles.load(null));
    /** The Friday before the 2026 Spring Festival. */
    private static final LocalDate FRIDAY_BEFORE_SPRING_FESTIVAL = LocalDate.of(2026, 2, 13);

    /*
     * Counted by hand from 2026.json: Saturday 02-14 is worked (调休), 02-15..02-23 are off, Saturday 02-28 is worked.
     * Working days after Friday 02-13: 1 Sat 02-14, 2 Tue 02-24, 3 Wed 02-25, 4 Thu 02-26, 5 Fri 02-27, 6 Sat 02-28,
     * 7 Mon 03-02, 8 Tue 03-03, 9 Wed 03-04, 10 Thu 03-05. Monday-Friday counting would give 02-24 for 7 days.
     */
    @ParameterizedTest(name = "{0} working days after 2026-02-13 is {1}")
    @CsvSource({
            "5, 2026-02-27",   // Huangshi city platform (004 §4(二))
            "7, 2026-03-02",   // Zhangdian / Daye city platform (001 §9, 002 §3(二))
            "10, 2026-03-05"   // provincial and national platforms (001 §9)
    })
    @DisplayName("R6: a listing confirmed on the Friday before the Spring Festival is due after the holiday, counting "
            + "both adjusted working Saturdays")
    void fridayBeforeSpringFestival(int workingDays, LocalDate due) {
        assertThat(DEADLINES.dueDate(FRIDAY_BEFORE_SPRING_FESTIVAL, workingDays)).contains(due);
    }

    @Test
    @DisplayName("R6: a pending forward due Monday 2026-03-02 is on time on Friday 02-27, at risk from the worked "
            + "Saturday 02-28 through the due date, overdue on Tuesday")
    void atRiskWithinOneWorkingDay() {
        LocalDate due = LocalDate.of(2026, 3, 2);

        assertThat(DEADLINES.status(ForwardState.PENDING, due, LocalDate.of(2026, 2, 26)))
                .isEqualTo(DeadlineStatus.ON_TIME);
        assertThat(DEADLINES.status(ForwardState.PENDING, due, LocalDate.of(2026, 2, 27)))
                .isEqualTo(DeadlineStatus.ON_TIME);
        assertThat(DEADLINES.status(ForwardState.PENDING, due, LocalDate.of(2026, 2, 28)))
                .isEqualTo(DeadlineStatus.AT_RISK);
        assertThat(DEADLINES.status(ForwardState.PENDING, due, LocalDate.of(2026, 3, 1)))
                .isEqualTo(DeadlineStatus.AT_RISK);
        assertThat(DEADLINES.status(ForwardState.PENDING, due, due)).isEqualTo(DeadlineStatus.AT_RISK);
        assertThat(DEADLINES.status(ForwardState.PENDING, due, due.plusDays(1))).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(DEADLINES.workingDaysLeft(LocalDate.of(2026, 2, 28), due)).isEqualTo(1);
        assertThat(DEADLINES.workingDaysLeft(due, due)).isZero();
    }

    @Test
    @DisplayName("R6: over the Spring Festival a forward due the first working day after it is at risk all holiday")
    void atRiskOverTheHoliday() {
        LocalDate due = LocalDate.of(2026, 2, 24);

        assertThat(DEADLINES.status(ForwardState.PENDING, due, LocalDate.of(2026, 2, 13)))
                .isEqualTo(DeadlineStatus.ON_TIME); // Saturday 02-14 and Tuesday 02-24 are left
        assertThat(DEADLINES.status(ForwardState.PENDING, due, LocalDate.of(2026, 2, 14)))
                .isEqualTo(DeadlineStatus.AT_RISK);
        assertThat(DEADLINES.atRiskHorizon(LocalDate.of(2026, 2, 14))).isEqualTo(due);
        assertThat(DEADLINES.atRiskHorizon(LocalDate.of(2026, 2, 13))).isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    @DisplayName("R6: delivered, rejected and cancelled forwards, and those without a due date, have no deadline status")
    void onlyPendingForwardsHaveADeadline() {
        LocalDate due = LocalDate.of(2026, 3, 2);
        LocalDate late = due.plusDays(10);

        assertThat(DEADLINES.status(ForwardState.DELIVERED, due, late)).isEqualTo(DeadlineStatus.NONE);
        assertThat(DEADLINES.status(ForwardState.REJECTED, due, late)).isEqualTo(DeadlineStatus.NONE);
        assertThat(DEADLINES.status(ForwardState.CANCELLED, due, late)).isEqualTo(DeadlineStatus.NONE);
        assertThat(DEADLINES.status(ForwardState.PENDING, null, late)).isEqualTo(DeadlineStatus.NONE);
    }

    @Test
    @DisplayName("R6: a deadline that runs into a year without a calendar is not guessed")
    void unknownYear() {
        // 2028: no arrangement on the test classpath (the built-in years end in 2026, test-support adds a 2027 fixture)
        assertThat(DEADLINES.dueDate(LocalDate.of(2027, 12, 28), 7)).isEmpty();
        assertThat(DEADLINES.atRiskHorizon(LocalDate.of(2027, 12, 31))).isEqualTo(LocalDate.of(2027, 12, 31));
    }
}
