package io.creditloop.sanction.access;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.sanction.task.TaskState;
import io.creditloop.sanction.task.web.TaskView;
import io.creditloop.testsupport.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R16 in sanction: an agency sees and answers only its own tasks, only the credit office edits the measures catalog
 * and reads the dashboard; refusals (401/403) write nothing.
 */
class SanctionAccessIT extends ServiceITSupport {

    @Test
    @DisplayName("R16: another agency's task is refused (403) for reading and answering; the task is unchanged")
    void anotherAgencysTask() {
        UUID listingId = UUID.randomUUID();
        Subject subject = Listings.newSubject();
        send(Topics.LISTING_EVENTS, subject.key(), Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION,
                subject));
        List<TaskView> tasks = awaitTasksInForce(listingId, 3).tasks();
        TaskView mine = tasks.get(0);
        String owner = mine.agencyCode();
        String other = tasks.stream().map(TaskView::agencyCode).filter(a -> !a.equals(owner)).findFirst()
                .orElse("some-other-agency");

        assertThat(get("/api/sanction/tasks/" + mine.taskId(), TestTokens.agency(other)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/sanction/tasks/" + mine.taskId(), TestTokens.agency(owner)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("/api/sanction/tasks?agency=" + owner, TestTokens.agency(other)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<TaskView[]> own = http.exchange("/api/sanction/tasks?listingId=" + listingId, HttpMethod.GET,
                new HttpEntity<>(TestTokens.headers(TestTokens.agency(other))), TaskView[].class);
        assertThat(own.getBody()).isNotEmpty().allMatch(t -> t.agencyCode().equals(other));
        assertThat(get("/api/sanction/tasks/" + mine.taskId(), TestTokens.department("tax")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        Instant now = Instant.now();
        Envelope<TaskResponded> answer = Envelope.of("/agency/" + owner, EventTypes.TASK_RESPONDED, now,
                mine.taskId().toString(), new TaskResponded(mine.taskId(), owner, "已签收", now));
        HttpHeaders headers = TestTokens.headers(TestTokens.agency(other));
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> refused = http.postForEntity("/api/sanction/tasks/{id}/responses",
                new HttpEntity<>(codec.encode(answer), headers), String.class, mine.taskId());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(task(mine.taskId()).state()).isEqualTo(TaskState.INITIATED);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_message WHERE message_id = :id").param("id", answer.id())
                .query(Long.class).single()).isZero();

        HttpHeaders ownerHeaders = TestTokens.headers(TestTokens.agency(owner));
        ownerHeaders.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.postForEntity("/api/sanction/tasks/{id}/responses",
                new HttpEntity<>(codec.encode(answer), ownerHeaders), String.class, mine.taskId()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(task(mine.taskId()).state()).isEqualTo(TaskState.RESPONDED);
    }

    @Test
    @DisplayName("R16: only the credit office edits the measures catalog and reads the dashboard; agencies keep only their own watch list")
    void creditOfficeOnly() {
        long versions = jdbc.sql("SELECT count(*) FROM measure_version").query(Long.class).single();
        HttpHeaders headers = TestTokens.headers(TestTokens.agency("tax"));
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.postForEntity("/api/sanction/measures", new HttpEntity<>("{\"listType\":\"TAX_MAJOR_VIOLATION\"}",
                headers), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/api/sanction/measures/TAX_MAJOR_VIOLATION/tax/M1?publishedBy=x", HttpMethod.DELETE,
                new HttpEntity<>(TestTokens.headers(TestTokens.department("tax"))), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT count(*) FROM measure_version").query(Long.class).single()).isEqualTo(versions);

        assertThat(get("/api/sanction/dashboard/summary", TestTokens.agency("tax")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/sanction/dashboard/summary", TestTokens.creditOffice()).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        long watched = jdbc.sql("SELECT count(*) FROM watch_entry").query(Long.class).single();
        HttpHeaders market = TestTokens.headers(TestTokens.agency("market"));
        market.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.postForEntity("/api/sanction/agencies/tax/watch-list",
                new HttpEntity<>("{\"subjects\":[{\"uscc\":\"91420200MA4KLB7Q32\"}]}", market), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/sanction/agencies/tax/watch-list", TestTokens.agency("market")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT count(*) FROM watch_entry").query(Long.class).single()).isEqualTo(watched);
    }

    @Test
    @DisplayName("R16: without a token, or with a bad one, every API answers 401; identity headers count for nothing")
    void noToken() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/api/sanction/tasks", "/api/sanction/measures",
                "/api/sanction/credit-check?uscc=91420200MA4KLB7Q32&scenario=PUBLIC_BIDDING")) {
            HttpResponse<String> none = client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                    .header("X-Agency", "tax").header("X-User", "clerk").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "forged.token.value").getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM credit_check_register WHERE user_id = 'clerk'")
                .query(Long.class).single()).isZero();
    }

    private ResponseEntity<String> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.headers(token)), String.class);
    }
}
