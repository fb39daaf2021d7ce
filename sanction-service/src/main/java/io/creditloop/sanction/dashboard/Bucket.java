package io.creditloop.sanction.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The dashboard's time steps; a week starts on Monday, as PostgreSQL's {@code date_trunc('week', ...)}. */
public enum Bucket {
    DAY, WEEK, MONTH;

    /** The unit name {@code date_trunc} takes. */
    public String sqlUnit() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The first day of the bucket {@code day} falls in. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** Every bucket from the one holding {@code from} to the one holding {@code to}, in order. */
    public List<LocalDate> between(LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d = start(from); !d.isAfter(to); d = next(d)) {
            starts.add(d);
        }
        return starts;
    }

    private LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
