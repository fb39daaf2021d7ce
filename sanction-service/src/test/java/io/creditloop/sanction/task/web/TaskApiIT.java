package io.creditloop.sanction.task.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.sanction.ServiceITSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class TaskApiIT extends ServiceITSupport {

    @Test
    @DisplayName("the OpenAPI document describes the loop and task endpoints")
    void openApi() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode paths = response.getBody().get("paths");
        assertThat(paths.has("/api/sanction/listings/{listingId}/loop")).isTrue();
        assertThat(paths.has("/api/sanction/tasks/{taskId}")).isTrue();
    }

    @Test
    @DisplayName("a malformed id is a 400 problem detail, never a stack trace")
    void malformedId() {
        ResponseEntity<String> response = http.getForEntity("/api/sanction/tasks/{id}", String.class, "not-a-uuid");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains("\"status\":400").doesNotContain("Exception").doesNotContain("at io.");
    }
}
