package io.creditloop.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * R6: the one place that counts working days. Saturdays and Sundays are off, statutory holidays are off, and the
 * adjusted working weekends (调休) are working days. Only years with a loaded arrangement are counted: a deadline that
 * runs into any other year throws {@link CalendarYearMissingException} instead of assuming Monday-Friday.
 */
public final class WorkingDayCalendar {

    private final NavigableSet<Integer> years;
    private final Map<LocalDate, Boolean> offDays;

    /**
     * @param years   the years whose arrangement is known
     * @param offDays the exceptions to the weekly rule: {@code true} off although a weekday, {@code false} a working
     *                weekend day
     */
    public WorkingDayCalendar(Set<Integer> years, Map<LocalDate, Boolean> offDays) {
        if (years.isEmpty()) {
            throw new IllegalArgumentException("a working-day calendar needs at least one year");
        }
        this.years = Collections.unmodifiableNavigableSet(new TreeSet<>(years));
        this.offDays = Map.copyOf(offDays);
    }

    /** The day {@code workingDays} working days after {@code from}; {@code from} itself is not counted. */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("working days must be at least 1: " + workingDays);
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** @throws CalendarYearMissingException if {@code day}'s year has no loaded arrangement */
    public boolean isWorkingDay(LocalDate day) {
        if (!years.contains(day.getYear())) {
            throw new CalendarYearMissingException(day.getYear(), describeYears());
        }
        Boolean off = offDays.get(day);
        if (off != null) {
            return !off;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    public NavigableSet<Integer> years() {
        return years;
    }

    private String describeYears() {
        return years.size() == years.last() - years.first() + 1
                ? years.first() + "-" + years.last()
                : years.toString();
    }
}
