package io.creditloop.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's duties towards the services and the outside (issue 8): a service that is down, too slow or behind an
 * open circuit breaker gets a 503 problem naming it while the others keep answering; the public board answers
 * cross-origin GETs and nothing else does; login and token requests are limited per address; the suite's OpenAPI is
 * listed in one place. Services here are stand-ins on 127.0.0.1: one healthy, one slow, one not listening.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "creditloop.gateway.dev-secret=bootstrap-secret-for-duties",
        "creditloop.gateway.login-rate-limit=3",
        "creditloop.gateway.breaker-minimum-calls=4",
        "creditloop.gateway.breaker-open-for=60s",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"})
class GatewayDutiesIT {

    private static final AtomicInteger HEALTHY_HITS = new AtomicInteger();
    private static final AtomicInteger SLOW_HITS = new AtomicInteger();
    private static final AtomicInteger FLAKY_HITS = new AtomicInteger();
    private static final AtomicInteger STEADY_HITS = new AtomicInteger();
    private static HttpServer healthy;
    private static HttpServer slow;
    private static HttpServer flaky;
    private static HttpServer steady;

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        healthy = server(HEALTHY_HITS, Duration.ZERO);
        slow = server(SLOW_HITS, Duration.ofSeconds(10));
        flaky = server(FLAKY_HITS, Duration.ofSeconds(3));
        steady = server(STEADY_HITS, Duration.ofMillis(300));
        registry.add("IDENTIFICATION_URL", () -> "http://127.0.0.1:" + closedPort());
        registry.add("SANCTION_URL", () -> url(slow));
        registry.add("SHARING_URL", () -> url(flaky));
        registry.add("REPAIR_URL", () -> url(healthy));
        registry.add("PUBLICATION_URL", () -> url(steady));
    }

    @AfterAll
    static void stop() {
        healthy.stop(0);
        slow.stop(0);
        flaky.stop(0);
        steady.stop(0);
    }

    @Test
    @DisplayName("a service that is down: 503 problem naming it, at once; the other services keep answering")
    void serviceDown() {
        web.get().uri("/api/listings/42").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("identification-service")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("identification-service")
                        .contains("not reachable"));
        web.get().uri("/api/repair/objections/1").exchange().expectStatus().isOk();
    }

    @Test
    @DisplayName("a service that does not answer within the response timeout: 503 naming it, after the timeout")
    void serviceTooSlow() {
        long start = System.nanoTime();
        web.get().uri("/api/sanction/tasks").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.service").isEqualTo("sanction-service")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("no answer in time"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(SLOW_HITS.get()).isPositive();
    }

    @Test
    @DisplayName("after repeated failures the breaker opens: 503 'circuit open' without calling the service")
    void breakerOpens() {
        for (int i = 0; i < 4; i++) {
            web.get().uri("/api/sharing/deadlines").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
        int reached = FLAKY_HITS.get();
        assertThat(reached).isEqualTo(4);
        web.get().uri("/api/sharing/deadlines").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.service").isEqualTo("sharing-service")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("circuit open"));
        assertThat(FLAKY_HITS.get()).isEqualTo(reached);
        web.get().uri("/api/board").exchange().expectStatus().isOk();
    }

    @Test
    @DisplayName("CORS: the public board answers cross-origin GETs (any origin by default, no credentials); its POSTs "
            + "and every other route do not")
    void corsForTheBoard() {
        web.get().uri("/api/board?q=x").header(HttpHeaders.ORIGIN, "https://portal.example.org").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        web.options().uri("/api/board/export.csv").header(HttpHeaders.ORIGIN, "https://portal.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, m -> assertThat(m).contains("GET"));
        web.options().uri("/api/board/releases").header(HttpHeaders.ORIGIN, "https://portal.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization").exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/repair/objections/1").header(HttpHeaders.ORIGIN, "https://portal.example.org").exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        web.options().uri("/api/repair/objections").header(HttpHeaders.ORIGIN, "https://portal.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    @DisplayName("R16 brute force: more than the limit of login and token attempts per minute from one address get 429, "
            + "even with the right secret")
    void loginAttemptsLimited() {
        for (int i = 0; i < 3; i++) {
            web.post().uri("/auth/login").bodyValue(Map.of("username", "creditloop-admin", "password", "guess-" + i))
                    .exchange().expectStatus().isUnauthorized();
        }
        web.post().uri("/oauth2/token").headers(h -> h.setBasicAuth("creditloop-admin", "bootstrap-secret-for-duties"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "60")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // the routes are not affected by the login limit
        web.get().uri("/api/board").exchange().expectStatus().isOk();
    }

    @Test
    @DisplayName("the suite's OpenAPI in one place: /openapi lists every service's description, each served under it")
    void openApiIndex() {
        Map<?, ?> index = web.get().uri("/openapi").exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        List<?> urls = (List<?>) index.get("urls");
        assertThat(urls.stream().map(u -> String.valueOf(((Map<?, ?>) u).get("name"))).toList())
                .containsExactly("identification", "publication", "repair", "sanction", "sharing");
        assertThat(urls.stream().map(u -> String.valueOf(((Map<?, ?>) u).get("url"))).toList())
                .contains("/openapi/repair");
        web.get().uri("/openapi/repair").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("GET /v3/api-docs");
    }

    @Test
    @DisplayName("the fallback answers any method, also for a POST whose service is down")
    void postToAServiceThatIsDown() {
        web.method(HttpMethod.POST).uri("/api/listings").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.service").isEqualTo("identification-service");
    }

    @Test
    @DisplayName("the breaker does not cap concurrency: 60 calls at once to a service answering in 300 ms all get 200")
    void noConcurrencyCap() {
        org.springframework.web.reactive.function.client.WebClient client =
                org.springframework.web.reactive.function.client.WebClient.create(baseUrl());
        List<Integer> statuses = reactor.core.publisher.Flux.range(0, 60)
                .flatMap(i -> client.get().uri("/api/board?q=" + i).exchangeToMono(r -> r.releaseBody()
                        .thenReturn(r.statusCode().value())), 60)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(statuses).hasSize(60).containsOnly(200);
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    // --- stand-ins

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again: nothing listens there
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer server(AtomicInteger hits, Duration delay) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(64));
            server.createContext("/", exchange -> {
                hits.incrementAndGet();
                try {
                    Thread.sleep(delay.toMillis()); // the slow service: it answers after the gateway gave up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath())
                        .getBytes(StandardCharsets.UTF_8);
                try {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (IOException gone) {
                    // the gateway closed the connection at its timeout
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
