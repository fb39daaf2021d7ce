package io.creditloop.sanction.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** Reminders in table {@code report_reminder}, one per report month. */
@Repository
public class ReportReminders {

    private final JdbcClient jdbc;

    public ReportReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the reminder; false if the month's reminder was already recorded (by this or another instance). */
    public boolean record(ReportReminder reminder) {
        return jdbc.sql("""
                        INSERT INTO report_reminder (report_month, deadline, reminded_on, reminded_at)
                        VALUES (:month, :deadline, :remindedOn, :remindedAt) ON CONFLICT DO NOTHING""")
                .param("month", reminder.month().toString())
                .param("deadline", reminder.deadline())
                .param("remindedOn", reminder.remindedOn())
                .param("remindedAt", reminder.remindedAt().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /** The newest first. */
    public List<ReportReminder> latest(int limit) {
        return jdbc.sql("""
                        SELECT report_month, deadline, reminded_on, reminded_at FROM report_reminder
                        ORDER BY report_month DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new ReportReminder(YearMonth.parse(rs.getString("report_month")),
                        rs.getObject("deadline", LocalDate.class), rs.getObject("reminded_on", LocalDate.class),
                        rs.getObject("reminded_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
