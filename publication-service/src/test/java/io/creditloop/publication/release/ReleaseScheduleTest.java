package io.creditloop.publication.release;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseScheduleTest {

    @Test
    @DisplayName("R7: Kunshan releases every half year (000 §3): due on 1 January and 1 July")
    void halfYearly() {
        ReleaseSchedule schedule = new ReleaseSchedule(Period.ofMonths(6));

        assertThat(schedule.due(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30))).isFalse();
        assertThat(schedule.due(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1))).isTrue();
        assertThat(schedule.due(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(schedule.due(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 1, 1))).isTrue();
    }

    @Test
    @DisplayName("R7: Huangshi releases every two months (004 §4(三)1)")
    void everyTwoMonths() {
        ReleaseSchedule schedule = new ReleaseSchedule(Period.ofMonths(2));

        assertThat(schedule.latestDueDate(LocalDate.of(2025, 4, 30))).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(schedule.due(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 4, 30))).isFalse();
        assertThat(schedule.due(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 5, 1))).isTrue();
    }

    @Test
    @DisplayName("R7: an ad hoc unified release after a due date counts as that period's release")
    void adHocCounts() {
        ReleaseSchedule schedule = new ReleaseSchedule(Period.ofMonths(6));

        assertThat(schedule.due(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 2))).isTrue();
        assertThat(schedule.due(LocalDate.of(2025, 7, 2), LocalDate.of(2025, 9, 1))).isFalse();
    }

    @Test
    @DisplayName("R7: the first scheduled release is made as soon as a schedule is set; ad hoc only is never due")
    void firstAndAdHocOnly() {
        assertThat(new ReleaseSchedule(Period.ofMonths(6)).due(null, LocalDate.of(2025, 3, 3))).isTrue();
        assertThat(ReleaseSchedule.adHocOnly().due(null, LocalDate.of(2025, 3, 3))).isFalse();
    }
}
