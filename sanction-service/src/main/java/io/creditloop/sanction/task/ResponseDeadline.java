package io.creditloop.sanction.task;

import io.creditloop.calendar.CalendarYearMissingException;
import io.creditloop.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * R8: every task has a response deadline (响应时限), a number of working days per measure (R9) counted from the day it
 * is initiated; an agency that has not responded by then is reminded (003 §18 自动提醒、实时响应). Working days are
 * the calendar's (R6): weekends and statutory holidays off, adjusted working weekends (调休) on.
 */
public final class ResponseDeadline {

    private ResponseDeadline() {
    }

    /**
     * The last working day to respond, inclusive: {@code workingDays} working days after {@code initiatedOn} (the day
     * of initiation does not count). Empty when the calendar has no arrangement for the year the deadline falls in:
     * the caller raises an alarm rather than guessing.
     */
    public static Optional<LocalDate> respondBy(WorkingDayCalendar calendar, LocalDate initiatedOn, int workingDays) {
        try {
            return Optional.of(calendar.addWorkingDays(initiatedOn, workingDays));
        } catch (CalendarYearMissingException e) {
            return Optional.empty();
        }
    }

    /** Not responded and the deadline has passed. */
    public static boolean isOverdue(TaskState state, LocalDate respondBy, LocalDate today) {
        return state == TaskState.INITIATED && respondBy != null && today.isAfter(respondBy);
    }

    /** The reminder a task in {@code state} is due on {@code today}, ignoring whether it was already sent. */
    static Optional<Reminder.Kind> reminderDue(TaskState state, LocalDate respondBy, LocalDate today) {
        if (state != TaskState.INITIATED || respondBy == null) {
            return Optional.empty();
        }
        if (today.isAfter(respondBy)) {
            return Optional.of(Reminder.Kind.OVERDUE);
        }
        return today.isEqual(respondBy) ? Optional.of(Reminder.Kind.DUE_TODAY) : Optional.empty();
    }
}
