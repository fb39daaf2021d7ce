package io.creditloop.sanction.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportDeadlineTest {

    @Test
    @DisplayName("R8: with the 20th (004 §5(三)) and 3 days, the previous month's report is reminded from the 17th on")
    void twentieth() {
        ReportDeadline deadline = new ReportDeadline(20, 3);

        assertThat(deadline.reminderDue(LocalDate.of(2026, 3, 16))).isEmpty();
        assertThat(deadline.reminderDue(LocalDate.of(2026, 3, 17))).contains(
                new ReportDeadline.Due(YearMonth.of(2026, 2), LocalDate.of(2026, 3, 20)));
        // still due after the deadline, if nobody was reminded in time
        assertThat(deadline.reminderDue(LocalDate.of(2026, 3, 25))).contains(
                new ReportDeadline.Due(YearMonth.of(2026, 2), LocalDate.of(2026, 3, 20)));
        // January's reminder is for December of the year before
        assertThat(deadline.reminderDue(LocalDate.of(2027, 1, 17)).orElseThrow().month())
                .isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    @DisplayName("R8: with the 18th (001 §11) the reminder is due from the 15th")
    void eighteenth() {
        ReportDeadline deadline = new ReportDeadline(18, 3);

        assertThat(deadline.reminderDue(LocalDate.of(2026, 6, 14))).isEmpty();
        assertThat(deadline.reminderDue(LocalDate.of(2026, 6, 15)).orElseThrow().deadline())
                .isEqualTo(LocalDate.of(2026, 6, 18));
    }

    @Test
    @DisplayName("R8: a deadline day that not every month has, or a reminder before the month starts, is refused")
    void invalid() {
        assertThatThrownBy(() -> new ReportDeadline(31, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportDeadline(20, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportDeadline(20, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
