package io.creditloop.sanction.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** R8: the office was reminded on {@code remindedOn} that the case report of {@code month} is due by {@code deadline}. */
public record ReportReminder(YearMonth month, LocalDate deadline, LocalDate remindedOn, Instant remindedAt) {
}
