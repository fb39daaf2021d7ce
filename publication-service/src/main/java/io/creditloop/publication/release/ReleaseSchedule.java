package io.creditloop.publication.release;

import java.time.LocalDate;
import java.time.Period;

/**
 * R7: when the credit office's next unified release is due, per deployment: every half year in Kunshan (000 §3),
 * every two months in Huangshi (004 §4(三)1), or ad hoc only ({@code period} absent). Periods are counted from
 * 1 January (so P6M is due on 1 January and 1 July); a release is due once the latest such date is after the
 * cut-off of the last unified release (scheduled or ad hoc), or when there has been none.
 */
public record ReleaseSchedule(Period period) {

    public ReleaseSchedule {
        if (period != null && (period.isNegative() || period.isZero())) {
            throw new IllegalArgumentException("a release period must be positive");
        }
    }

    public static ReleaseSchedule adHocOnly() {
        return new ReleaseSchedule(null);
    }

    /** @param lastUnifiedCutOff the cut-off of the last unified release, {@code null} if there was none */
    public boolean due(LocalDate lastUnifiedCutOff, LocalDate today) {
        if (period == null) {
            return false;
        }
        return lastUnifiedCutOff == null || lastUnifiedCutOff.isBefore(latestDueDate(today));
    }

    /** The latest scheduled date on or before {@code today}. */
    LocalDate latestDueDate(LocalDate today) {
        LocalDate due = today.withDayOfYear(1);
        for (LocalDate next = due.plus(period); !next.isAfter(today); next = next.plus(period)) {
            due = next;
        }
        return due;
    }
}
