package io.creditloop.sanction.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * R8 (001 §11: by the 18th; 004 §5(三): by the 20th): the monthly case report for a month is due on the deployment's
 * deadline day of the month after. The office is reminded from {@code daysBefore} days before that day on (also
 * after it, if the service was not running then), once per report month.
 *
 * @param deadlineDay the day of the month the report is due, 1 to 28 (18 or 20 in the seeds)
 * @param daysBefore  how many days before the deadline the reminder is due, 0 to 27
 */
public record ReportDeadline(int deadlineDay, int daysBefore) {

    public ReportDeadline {
        if (deadlineDay < 1 || deadlineDay > 28) {
            throw new IllegalArgumentException("deadline-day must be 1..28 (18 or 20 in the seeds): " + deadlineDay);
        }
        if (daysBefore < 0 || daysBefore >= deadlineDay) {
            throw new IllegalArgumentException("reminder-days-before must be 0.." + (deadlineDay - 1) + ": "
                    + daysBefore);
        }
    }

    /** The month whose report is due this month, with its deadline. */
    public Due dueIn(LocalDate today) {
        YearMonth reported = YearMonth.from(today).minusMonths(1);
        return new Due(reported, today.withDayOfMonth(deadlineDay));
    }

    /** The report the office is to be reminded of today, if today is on or after the reminder day. */
    public Optional<Due> reminderDue(LocalDate today) {
        Due due = dueIn(today);
        return today.isBefore(due.deadline().minusDays(daysBefore)) ? Optional.empty() : Optional.of(due);
    }

    /** The report of {@code month}, due on {@code deadline}. */
    public record Due(YearMonth month, LocalDate deadline) {
    }
}
