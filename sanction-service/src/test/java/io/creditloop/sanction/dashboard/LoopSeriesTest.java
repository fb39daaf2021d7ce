package io.creditloop.sanction.dashboard;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopSeriesTest {

    @Test
    @DisplayName("R8: the series has every bucket of the period, empty ones as zeros, weeks from Monday")
    void filledWeeks() {
        LocalDate from = LocalDate.of(2025, 3, 5);
        LocalDate to = LocalDate.of(2025, 3, 20);
        Map<LoopStep, Map<LocalDate, Long>> found = Map.of(
                LoopStep.INITIATED, Map.of(LocalDate.of(2025, 3, 3), 4L),
                LoopStep.FED_BACK, Map.of(LocalDate.of(2025, 3, 17), 1L));

        LoopSeries series = LoopSeries.of(Bucket.WEEK, from, to, found);

        assertThat(series.points()).extracting(LoopSeries.Point::start).containsExactly(
                LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 17));
        assertThat(series.points().get(0)).isEqualTo(new LoopSeries.Point(LocalDate.of(2025, 3, 3), 4, 0, 0, 0, 0));
        assertThat(series.points().get(1).initiated()).isZero();
        assertThat(series.points().get(2).fedBack()).isEqualTo(1);
    }

    @Test
    @DisplayName("R8: months and days")
    void monthsAndDays() {
        assertThat(Bucket.MONTH.between(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 2, 1)))
                .containsExactly(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1));
        assertThat(Bucket.DAY.between(LocalDate.of(2025, 2, 27), LocalDate.of(2025, 3, 1))).hasSize(3);
    }

    @Test
    @DisplayName("R8: counts follow the loop's order: no more responded than initiated")
    void countsInOrder() {
        assertThatThrownBy(() -> new LoopCounts(1, 2, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DashboardFilter(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 1), null, null,
                null)).isInstanceOf(IllegalArgumentException.class);
    }
}
