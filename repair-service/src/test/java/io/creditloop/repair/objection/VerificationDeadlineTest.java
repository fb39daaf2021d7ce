package io.creditloop.repair.objection;

import io.creditloop.calendar.HolidayFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationDeadlineTest {

    private final VerificationDeadline seven = new VerificationDeadline(HolidayFiles.load(null), 7);

    @Test
    @DisplayName("R10: verification is due 7 working days after acceptance, weekends not counted")
    void ordinaryWeeks() {
        assertThat(seven.dueDate(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    @DisplayName("R10, R6: the Mid-Autumn and National Day holidays are skipped and the adjusted Saturday counts")
    void holidays() {
        // 2026: 9-25..27 and 10-1..7 off, Saturday 10-10 a working day
        assertThat(seven.dueDate(LocalDate.of(2026, 9, 23))).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    @DisplayName("R10: the alarm is DUE_TODAY on the last day, OVERDUE after it, none before")
    void alarms() {
        LocalDate due = LocalDate.of(2026, 12, 2);
        assertThat(VerificationDeadline.alarm(due, due.minusDays(1))).isEmpty();
        assertThat(VerificationDeadline.alarm(due, due)).contains(VerificationDeadline.Alarm.DUE_TODAY);
        assertThat(VerificationDeadline.alarm(due, due.plusDays(1))).contains(VerificationDeadline.Alarm.OVERDUE);
    }
}
