package io.creditloop.repair.objection;

import io.creditloop.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * R10 (000 §5(一)): the recognising department verifies an objection within N working days (7 by default) of
 * accepting it, counted with the shared working-day calendar (weekends, statutory holidays, 调休). An alarm is due
 * on the last day ({@code DUE_TODAY}) and after it ({@code OVERDUE}).
 */
public final class VerificationDeadline {

    public enum Alarm { DUE_TODAY, OVERDUE }

    private final WorkingDayCalendar calendar;
    private final int workingDays;

    public VerificationDeadline(WorkingDayCalendar calendar, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("verification needs at least 1 working day: " + workingDays);
        }
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    public LocalDate dueDate(LocalDate acceptedOn) {
        return calendar.addWorkingDays(acceptedOn, workingDays);
    }

    /** The alarm a pending objection due on {@code due} raises on {@code today}, if any. */
    public static Optional<Alarm> alarm(LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return Optional.of(Alarm.OVERDUE);
        }
        return today.isEqual(due) ? Optional.of(Alarm.DUE_TODAY) : Optional.empty();
    }
}
