package io.creditloop.calendar;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private static WorkingDayCalendar calendar;

    @BeforeAll
    static void loadBuiltInYears() {
        calendar = HolidayFiles.load(null);
    }

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @CsvSource({
            "2025-09-30, 5, 2025-10-14",   // National Day and Mid-Autumn off, Saturday 2025-10-11 worked
            "2025-01-24, 3, 2025-02-05",   // Sunday 2025-01-26 worked, Spring Festival off
            "2026-02-13, 10, 2026-03-05",  // Saturday 2026-02-14 worked, Spring Festival off, 2026-02-28 worked
            "2024-09-30, 1, 2024-10-08"    // National Day off through 2024-10-07
    })
    @DisplayName("R6: the checked deadlines of calendar/README.md")
    void checkedDeadlines(LocalDate from, int workingDays, LocalDate due) {
        assertThat(calendar.addWorkingDays(from, workingDays)).isEqualTo(due);
    }

    @Test
    @DisplayName("R6: the start day is not counted, weekends are skipped")
    void plainWeek() {
        // Friday + 1 = Monday; Monday + 5 = next Monday
        assertThat(calendar.addWorkingDays(LocalDate.of(2024, 3, 8), 1)).isEqualTo(LocalDate.of(2024, 3, 11));
        assertThat(calendar.addWorkingDays(LocalDate.of(2024, 3, 11), 5)).isEqualTo(LocalDate.of(2024, 3, 18));
    }

    @Test
    @DisplayName("R6: a working weekend moved into the year before by the next year's notice counts (2018-12-29)")
    void dateOfTheYearBeforeFromTheNextYearsFile() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2018, 12, 29))).isTrue();   // a Saturday, 2019.json
        assertThat(calendar.isWorkingDay(LocalDate.of(2018, 12, 31))).isFalse();  // a Monday off, 2019.json
    }

    @Test
    @DisplayName("R6: a deadline running into a year without data is refused, not guessed")
    void refusesAnUnknownYear() {
        assertThat(calendar.years()).contains(2018, 2026).doesNotContain(2027);

        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 12, 28), 7))
                .isInstanceOf(CalendarYearMissingException.class)
                .hasMessageContaining("2027")
                .hasMessageContaining("CALENDAR_DIR");
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2017, 6, 1)))
                .isInstanceOf(CalendarYearMissingException.class);
    }

    @Test
    @DisplayName("R6: next year's notice is added from a directory without a rebuild")
    void loadsAnExtraYearFromADirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2027.json"), """
                {"year": 2027, "papers": [],
                 "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                          {"name": "元旦", "date": "2026-12-31", "isOffDay": true},
                          {"name": "春节", "date": "2027-01-09", "isOffDay": false}]}""");

        WorkingDayCalendar extended = HolidayFiles.load(dir);

        assertThat(extended.years()).contains(2018, 2026, 2027);
        // Wednesday 2026-12-30 + 3: Thursday 12-31 and Friday 01-01 off, Saturday 01-09 worked
        assertThat(extended.addWorkingDays(LocalDate.of(2026, 12, 30), 3)).isEqualTo(LocalDate.of(2027, 1, 6));
        assertThat(extended.addWorkingDays(LocalDate.of(2027, 1, 7), 2)).isEqualTo(LocalDate.of(2027, 1, 9));
    }

    @Test
    @DisplayName("a file in the directory replaces the built-in file of the same year")
    void directoryFileReplacesBuiltInYear(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2025-corrected.json"), """
                {"year": 2025, "days": [{"name": "test", "date": "2025-03-03", "isOffDay": true}]}""");

        WorkingDayCalendar corrected = HolidayFiles.load(dir);

        assertThat(corrected.isWorkingDay(LocalDate.of(2025, 3, 3))).isFalse();
        assertThat(corrected.isWorkingDay(LocalDate.of(2025, 10, 1))).isTrue();   // the built-in 2025 is gone
    }

    @Test
    @DisplayName("a malformed year file stops the start-up with its name")
    void malformedFileIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2027.json"), """
                {"year": 2027, "days": [{"name": "x", "date": "2030-01-01", "isOffDay": true}]}""");

        assertThatThrownBy(() -> HolidayFiles.load(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2027.json");
        assertThatThrownBy(() -> HolidayFiles.load(dir.resolve("missing")))
                .isInstanceOf(IllegalStateException.class);
    }
}
