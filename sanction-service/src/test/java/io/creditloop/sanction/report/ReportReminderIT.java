package io.creditloop.sanction.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.sanction.ServiceITSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** R8 (004 §5(三)): one reminder per report month, from 3 days before the 20th on, however often the job runs. */
class ReportReminderIT extends ServiceITSupport {

    @Autowired
    ReportService reports;

    private long remindersFor(String month) {
        return jdbc.sql("SELECT count(*) FROM report_reminder WHERE report_month = :month")
                .param("month", month).query(Long.class).single();
    }

    @Test
    @DisplayName("R8: the monthly report's reminder is recorded once, on the 17th for the 20th, and listed")
    void oncePerMonth() {
        // 16 July 2031, 10:00 in Shanghai: four days before the deadline
        setClock(Instant.parse("2031-07-16T02:00:00Z"));
        assertThat(reports.remindIfDue()).isEmpty();
        assertThat(remindersFor("2031-06")).isZero();

        setClock(Instant.parse("2031-07-17T02:00:00Z"));
        reports.remindIfDue();
        setClock(Instant.parse("2031-07-18T02:00:00Z"));
        assertThat(reports.remindIfDue()).isEmpty();
        assertThat(remindersFor("2031-06")).isEqualTo(1);

        ResponseEntity<JsonNode> listed = http.getForEntity("/api/sanction/reports/reminders", JsonNode.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode june = null;
        for (JsonNode reminder : listed.getBody()) {
            if (reminder.get("month").asText().equals("2031-06")) {
                june = reminder;
            }
        }
        assertThat(june).isNotNull();
        assertThat(june.get("deadline").asText()).isEqualTo("2031-07-20");
        assertThat(june.get("remindedOn").asText()).isEqualTo("2031-07-17");
    }
}
