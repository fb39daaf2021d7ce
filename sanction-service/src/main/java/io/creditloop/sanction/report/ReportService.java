package io.creditloop.sanction.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** R8: the monthly case report from the recorded loop, and the reminder before its deadline. */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final CaseRecords records;
    private final ReportReminders reminders;
    private final Clock clock;
    private final String region;
    private final ReportDeadline deadline;

    public ReportService(CaseRecords records, ReportReminders reminders, Clock clock,
                         @Value("${creditloop.sanction.report.region:本市}") String region,
                         @Value("${creditloop.sanction.report.deadline-day:20}") int deadlineDay,
                         @Value("${creditloop.sanction.report.reminder-days-before:3}") int daysBefore) {
        this.records = records;
        this.reminders = reminders;
        this.clock = clock;
        this.region = region;
        this.deadline = new ReportDeadline(deadlineDay, daysBefore);
    }

    @Transactional(readOnly = true)
    public MonthlyCaseReport monthly(YearMonth month) {
        ZoneId zone = clock.getZone();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        return MonthlyCaseReport.of(month, region, zone,
                records.implemented(first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant()),
                records.blackExits(first, last));
    }

    /**
     * Records today's reminder if one is due and not yet recorded for its month; several instances may call this at
     * once, the month's row is inserted once.
     */
    @Transactional
    public Optional<ReportReminder> remindIfDue() {
        LocalDate today = LocalDate.now(clock);
        Optional<ReportDeadline.Due> due = deadline.reminderDue(today);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        ReportReminder reminder = new ReportReminder(due.get().month(), due.get().deadline(), today, clock.instant());
        if (!reminders.record(reminder)) {
            return Optional.empty();
        }
        log.warn("REMINDER: the monthly case report (联合奖惩案例) of {} is due by {}: "
                + "GET /api/sanction/reports/monthly/{}.xlsx", reminder.month(), reminder.deadline(), reminder.month());
        return Optional.of(reminder);
    }

    @Transactional(readOnly = true)
    public List<ReportReminder> reminders(int limit) {
        return reminders.latest(limit);
    }

    public ReportDeadline deadline() {
        return deadline;
    }
}
