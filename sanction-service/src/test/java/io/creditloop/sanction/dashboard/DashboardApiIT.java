package io.creditloop.sanction.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.sanction.ServiceITSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** R8: the dashboard API's period defaults and its RFC 7807 answers to bad parameters. */
class DashboardApiIT extends ServiceITSupport {

    private ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    @Test
    @DisplayName("R8: without a period the summary covers the last 30 days up to today")
    void defaultPeriod() {
        JsonNode summary = get("/api/sanction/dashboard/summary").getBody();
        String today = summary.get("today").asText();
        assertThat(summary.get("filter").get("to").asText()).isEqualTo(today);
        assertThat(summary.get("filter").get("from").asText())
                .isEqualTo(java.time.LocalDate.parse(today).minusDays(29).toString());
    }

    @Test
    @DisplayName("R8: a reversed period, an unknown bucket or step and a bad limit are 400 problems naming the field")
    void badParameters() {
        for (String path : new String[]{
                "/api/sanction/dashboard/summary?from=2025-03-10&to=2025-03-01",
                "/api/sanction/dashboard/series?bucket=hour",
                "/api/sanction/dashboard/tasks?step=SOMEWHERE",
                "/api/sanction/dashboard/tasks?limit=0",
                "/api/sanction/dashboard/summary?from=yesterday"}) {
            ResponseEntity<JsonNode> response = get(path);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).as(path).hasToString("application/problem+json");
            assertThat(response.getBody().get("errors")).as(path).isNotEmpty();
        }
    }
}
