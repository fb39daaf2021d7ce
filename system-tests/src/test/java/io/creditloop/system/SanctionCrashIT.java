package io.creditloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.EventTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R8 under a crash: sanction-service is killed with SIGKILL in the middle of the loop, listings and agency answers
 * keep arriving while it is down, and after the restart nothing is lost and nothing is doubled.
 */
class SanctionCrashIT {

    private static final Duration ASYNC = Duration.ofSeconds(90);

    static Suite suite;
    static Api gateway;
    static Agencies agencies;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
        gateway = new Callers(suite.gateway()).department("tax"); // R16: the tax bureau's system, with its token
        agencies = new Agencies(suite.kafka());
    }

    @AfterAll
    static void close() {
        agencies.close();
    }

    @Test
    @DisplayName("R8: kill -9 of sanction-service mid-loop loses and duplicates no task or answer")
    void crashMidLoop() {
        String first = submit();
        List<Agencies.Task> tasks = agencies.await(first, EventTypes.TASK_INITIATED, 3, ASYNC);
        agencies.respond(tasks.get(0));
        agencies.respond(tasks.get(1));

        suite.kill("sanction-service");

        // while it is down: the rest of the answers, and a new listing
        agencies.respond(tasks.get(2));
        tasks.forEach(agencies::implement);
        tasks.forEach(agencies::feedback);
        String second = submit();

        suite.restart("sanction-service");

        JsonNode loop = WholeLoopIT.awaitLoopState(first, "FED_BACK");
        assertThat(loop.get("tasks").findValuesAsText("taskId"))
                .containsExactlyInAnyOrderElementsOf(tasks.stream().map(Agencies.Task::taskId).toList());

        List<Agencies.Task> secondTasks = agencies.await(second, EventTypes.TASK_INITIATED, 3, ASYNC);
        WholeLoopIT.awaitLoopState(second, "INITIATED");
        // at-least-once delivery may repeat a message, never a task: one task id per agency
        List<Agencies.Task> everySecond = agencies.all(second, EventTypes.TASK_INITIATED, Duration.ofSeconds(3));
        assertThat(everySecond.stream().map(Agencies.Task::taskId).distinct()).hasSize(3);
        assertThat(everySecond.stream().map(Agencies.Task::agency).distinct()).hasSize(3);
        assertThat(secondTasks).hasSize(3);
        assertThat(gateway.get("/api/sanction/listings/" + second + "/loop").json().get("tasks")).hasSize(3);
        List<Agencies.Task> everyFirst = agencies.all(first, EventTypes.TASK_INITIATED, Duration.ZERO);
        assertThat(everyFirst.stream().map(Agencies.Task::taskId).distinct()).hasSize(3);
    }

    private String submit() {
        Api.Reply created = gateway.post("/api/listings", Listings.taxBlack(
                "崩溃测试" + UUID.randomUUID().toString().substring(0, 8) + "有限公司", "91320583MA1N0RWX7A"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
