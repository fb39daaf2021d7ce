package io.creditloop.sharing.forward;

import io.creditloop.calendar.CalendarYearMissingException;
import io.creditloop.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * R6: the deadlines of forwards, in working days. A forward is due N working days after the recognition (or exit,
 * or correction) date, N per platform (001 §9: city 7, province and nation 10; 002 §3(二): city 7; 004 §4(二),
 * §8(四)3: city 5, also for revocations). A pending forward is at risk when at most one working day is left up to
 * and including its due date, and overdue from the day after it.
 */
public final class ForwardDeadline {

    /** At most this many working days left (after today, up to and including the due date): at risk. */
    public static final int AT_RISK_WORKING_DAYS = 1;

    private final WorkingDayCalendar calendar;

    public ForwardDeadline(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The due date, {@code workingDays} working days after {@code from}; empty when it would fall in a year the
     * calendar has no arrangement for (never guessed Monday-Friday).
     */
    public Optional<LocalDate> dueDate(LocalDate from, int workingDays) {
        try {
            return Optional.of(calendar.addWorkingDays(from, workingDays));
        } catch (CalendarYearMissingException e) {
            return Optional.empty();
        }
    }

    public DeadlineStatus status(ForwardState state, LocalDate dueDate, LocalDate today) {
        if (state != ForwardState.PENDING || dueDate == null) {
            return DeadlineStatus.NONE;
        }
        if (today.isAfter(dueDate)) {
            return DeadlineStatus.OVERDUE;
        }
        return workingDaysLeft(today, dueDate) <= AT_RISK_WORKING_DAYS ? DeadlineStatus.AT_RISK
                : DeadlineStatus.ON_TIME;
    }

    /**
     * Working days after {@code today} up to and including {@code dueDate}, counted no further than the threshold
     * needs; only days up to the due date are looked at, so a due date in a known year never needs an unknown one.
     */
    public int workingDaysLeft(LocalDate today, LocalDate dueDate) {
        int left = 0;
        for (LocalDate day = today.plusDays(1); !day.isAfter(dueDate) && left <= AT_RISK_WORKING_DAYS;
             day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                left++;
            }
        }
        return left;
    }

    /**
     * The last due date that is at risk today: a pending forward due in {@code [today, horizon]} is at risk, one due
     * before {@code today} is overdue. Lets the database select them (dashboard, {@link DeadlineWatch}).
     */
    public LocalDate atRiskHorizon(LocalDate today) {
        try {
            return calendar.addWorkingDays(today, AT_RISK_WORKING_DAYS);
        } catch (CalendarYearMissingException e) {
            // the last day of the last known year: every due date is in a known year, so none is missed
            return LocalDate.of(e.year() - 1, 12, 31);
        }
    }
}
