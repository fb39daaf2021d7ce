package io.creditloop.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SCALE-OUT F6: a service given as several instances ({@code PUBLICATION_URLS}, {@code SANCTION_URLS}) is reached
 * through all of them, round robin; an instance that stops gets no more calls once the health check has seen it down,
 * and before that a refused GET is tried on the other instance while a POST is never replayed. The instances are two
 * real HTTP servers per service on 127.0.0.1; publication is checked every 2 s, sanction only every 10 minutes so
 * the window before the check notices can be observed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "creditloop.gateway.dev-secret=bootstrap-secret-for-balancing",
        "creditloop.gateway.breaker-minimum-calls=50",
        "spring.cloud.loadbalancer.health-check.interval=2s",
        "spring.cloud.loadbalancer.clients.sanction-service.health-check.interval=10m"})
class GatewayBalancingIT {

    private static final Instance BOARD_A = new Instance();
    private static final Instance BOARD_B = new Instance();
    private static final Instance SANCTION_A = new Instance();
    private static final Instance SANCTION_B = new Instance();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("PUBLICATION_URLS", () -> BOARD_A.url() + ", " + BOARD_B.url());
        registry.add("SANCTION_URLS", () -> SANCTION_A.url() + "," + SANCTION_B.url());
    }

    @AfterAll
    static void stop() {
        List.of(BOARD_A, BOARD_B, SANCTION_A, SANCTION_B).forEach(Instance::stop);
    }

    @Test
    @DisplayName("board searches are spread over both publication instances; with one stopped every GET and POST still "
            + "succeeds and, once the health check has seen it down, all go to the other one")
    void spreadAndFailOver() {
        // the first request waits for the first health round; a check slower than the interval counts as down
        await("first health round").atMost(Duration.ofSeconds(20)).until(() -> web.get().uri("/api/board?q=first")
                .exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        BOARD_A.calls.set(0);
        BOARD_B.calls.set(0);
        for (int i = 0; i < 20; i++) {
            web.get().uri("/api/board?q=spread-" + i).exchange().expectStatus().isOk();
        }
        assertThat(BOARD_A.calls.get() + BOARD_B.calls.get()).isEqualTo(20);
        assertThat(BOARD_A.calls.get()).as("calls to instance A").isPositive();
        assertThat(BOARD_B.calls.get()).as("calls to instance B").isPositive();

        BOARD_B.stop();
        // before the check notices: a refused GET is tried on the other instance, never a 5xx
        for (int i = 0; i < 10; i++) {
            web.get().uri("/api/board?q=gap-" + i).exchange().expectStatus().isOk();
        }
        await("the health check sees B down").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            int before = BOARD_A.calls.get();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(web.post().uri("/api/board/releases").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{}").exchange().returnResult(String.class).getStatus().value());
            }
            assertThat(statuses).containsOnly(200);
            assertThat(BOARD_A.calls.get() - before).isEqualTo(6);
        });
        int before = BOARD_A.calls.get();
        for (int i = 0; i < 20; i++) {
            web.get().uri("/api/board?q=after-" + i).exchange().expectStatus().isOk();
        }
        assertThat(BOARD_A.calls.get() - before).as("every call on the living instance").isEqualTo(20);
    }

    @Test
    @DisplayName("an instance stopped before the health check noticed: its POSTs get the 503 problem and are not "
            + "replayed elsewhere; its GETs are tried once more on the other instance and succeed")
    void postNeverReplayed() {
        for (int i = 0; i < 4; i++) {
            web.get().uri("/api/sanction/tasks?warm=" + i).exchange().expectStatus().isOk();
        }
        assertThat(SANCTION_A.calls.get()).isPositive();
        assertThat(SANCTION_B.calls.get()).isPositive();

        SANCTION_B.stop();
        int before = SANCTION_A.calls.get();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WebTestClient.ResponseSpec answer = web.post().uri("/api/sanction/tasks/" + i + "/answers")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
            int status = answer.returnResult(String.class).getStatus().value();
            statuses.add(status);
            if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                answer.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.service").isEqualTo("sanction-service");
            }
        }
        // round robin: two went to A, two to the stopped B
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 503).hasSize(2);
        assertThat(SANCTION_A.calls.get() - before).as("POSTs that reached A: none replayed").isEqualTo(2);

        for (int i = 0; i < 6; i++) {
            web.get().uri("/api/sanction/tasks?after=" + i).exchange().expectStatus().isOk();
        }
    }

    /** A stand-in instance: answers every request 200; counts the calls that are not its health checks. */
    private static final class Instance {

        final AtomicInteger calls = new AtomicInteger();
        private final HttpServer server;

        Instance() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] body = path.startsWith("/actuator/health") ? "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8)
                        : (exchange.getRequestMethod() + " " + path).getBytes(StandardCharsets.UTF_8);
                if (!path.startsWith("/actuator/")) {
                    calls.incrementAndGet();
                }
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }
    }
}
