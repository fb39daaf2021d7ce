package io.creditloop.publication.board;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicWindowTest {

    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private static final LocalDate UNTIL = LocalDate.of(2027, 2, 28);

    @Test
    @DisplayName("R7: public from the first to the last day of the validity, both inclusive")
    void validity() {
        assertThat(PublicWindow.shows(FROM, UNTIL, FROM.minusDays(1))).isFalse();
        assertThat(PublicWindow.shows(FROM, UNTIL, FROM)).isTrue();
        assertThat(PublicWindow.shows(FROM, UNTIL, UNTIL)).isTrue();
        assertThat(PublicWindow.shows(FROM, UNTIL, UNTIL.plusDays(1))).isFalse();
    }

    @Test
    @DisplayName("R7: a listing without an end (长期) stays public from its start")
    void openEnded() {
        assertThat(PublicWindow.shows(FROM, null, FROM.minusDays(1))).isFalse();
        assertThat(PublicWindow.shows(FROM, null, FROM.plusYears(30))).isTrue();
    }

    @Test
    @DisplayName("R13: an exit announcement is public from the exit date for the configured period")
    void announcementPeriod() {
        PublicWindow window = new PublicWindow(Period.ofDays(30));
        LocalDate exit = LocalDate.of(2025, 6, 10);

        assertThat(window.announces(exit, exit.minusDays(1))).isFalse();
        assertThat(window.announces(exit, exit)).isTrue();
        assertThat(window.announces(exit, exit.plusDays(30))).isTrue();
        assertThat(window.announces(exit, exit.plusDays(31))).isFalse();
        assertThat(window.oldestAnnouncedExit(exit.plusDays(30))).isEqualTo(exit);
    }

    @Test
    @DisplayName("R13: the announcement period must be positive")
    void positivePeriod() {
        assertThatThrownBy(() -> new PublicWindow(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
