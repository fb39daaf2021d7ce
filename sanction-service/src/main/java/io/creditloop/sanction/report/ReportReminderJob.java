package io.creditloop.sanction.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * R8: looks every {@code creditloop.sanction.report.reminder-interval} whether the monthly case report's reminder is
 * due. Safe with several instances: the month's reminder row is inserted once ({@link ReportReminders#record}).
 */
@Component
class ReportReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReportReminderJob.class);

    private final ReportService reports;
    private final boolean enabled;

    ReportReminderJob(ReportService reports,
                      @Value("${creditloop.sanction.report.reminders-enabled:true}") boolean enabled) {
        this.reports = reports;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${creditloop.sanction.report.reminder-interval:1h}", initialDelayString = "1m")
    void scheduled() {
        if (enabled) {
            try {
                reports.remindIfDue();
            } catch (RuntimeException e) {
                log.warn("report reminder run failed, next run tries again: {}", e.toString());
            }
        }
    }
}
