package io.creditloop.identification.listing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidityTest {

    @ParameterizedTest
    @CsvSource({
            "2年, 2017-04-20, 2019-04-19",
            "3个月, 2024-01-31, 2024-04-29",
            "1年6个月, 2024-03-01, 2025-08-31",
            "P2Y, 2017-04-20, 2019-04-19",
            "2017-04-20至2019-04-19, 2017-04-20, 2019-04-19",
            "2017-4-20至2019-4-19, 2017-04-20, 2019-04-19"})
    @DisplayName("R3/R7: validity as departments write it ends the day before its anniversary")
    void lastDay(String text, LocalDate start, LocalDate lastDay) {
        assertThat(Validity.parse(text).lastDayFrom(start)).contains(lastDay);
    }

    @Test
    @DisplayName("R3: 长期 has no end")
    void longTerm() {
        assertThat(Validity.parse("长期").lastDayFrom(LocalDate.of(2024, 1, 1))).isEmpty();
    }

    @Test
    @DisplayName("R3: unreadable, zero and backwards validities are refused with a reason")
    void refused() {
        assertThatThrownBy(() -> Validity.parse("两年")).hasMessageContaining("unrecognised");
        assertThatThrownBy(() -> Validity.parse("0年")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Validity.parse("2019-04-19至2017-04-20")).hasMessageContaining("ends before");
        assertThatThrownBy(() -> Validity.parse(" ")).hasMessageContaining("empty");
    }
}
