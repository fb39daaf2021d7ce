package io.creditloop.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.creditloop.gateway.access.ClientRegistry;
import io.creditloop.security.Caller;
import io.creditloop.security.TokenKeys;
import io.creditloop.security.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R16 at the gateway: client credentials and staff login against the registry (BCrypt hashes, rotation with grace,
 * revocation), forged / expired / revoked tokens refused before any service is reached, identity headers a client
 * sends are dropped, the service gets a short-lived token of its own, per-client rate limits (429) and body limits
 * (413).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "creditloop.gateway.dev-secret=bootstrap-secret-for-tests",
        "creditloop.gateway.rate-limit=5",
        "creditloop.gateway.login-rate-limit=1000",
        "creditloop.gateway.max-request-size=1KB"})
class GatewayAccessIT {

    private static final AtomicReference<Map<String, List<String>>> LAST = new AtomicReference<>();
    private static final AtomicInteger HITS = new AtomicInteger();
    /** Bytes of the last request body a service read completely (-1: none yet). */
    private static final java.util.concurrent.atomic.AtomicLong RECEIVED = new java.util.concurrent.atomic.AtomicLong(-1);
    private static HttpServer service;

    @Autowired
    WebTestClient web;
    @Autowired
    Tokens tokens;
    @Autowired
    ClientRegistry registry;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        service = fakeService();
        for (String name : new String[]{"IDENTIFICATION", "SHARING", "SANCTION", "REPAIR", "PUBLICATION"}) {
            registry.add(name + "_URL", () -> "http://127.0.0.1:" + service.getAddress().getPort());
        }
    }

    @AfterAll
    static void stop() {
        service.stop(0);
    }

    @BeforeEach
    void reset() {
        LAST.set(null);
        HITS.set(0);
        RECEIVED.set(-1);
    }

    @Test
    @DisplayName("R16: a department's system gets a token with its client credentials; the service gets a token of its own naming the department, never the client's identity headers")
    void clientCredentialsAndRelay() {
        Registered registered = register("tax-" + suffix(), "DEPARTMENT", "tax");
        String secret = registered.secret;
        String clientId = registered.id;
        token(clientId, "wrong-secret").expectStatus().isUnauthorized();
        web.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "password").with("client_id", clientId)
                        .with("client_secret", secret))
                .exchange().expectStatus().isBadRequest();

        String token = accessToken(clientId, secret);
        web.get().uri("/api/listings/1").headers(h -> {
            h.setBearerAuth(token);
            h.set("X-Agency", "credit-office");
            h.set("X-User", "someone-else");
        }).exchange().expectStatus().isOk();

        Map<String, List<String>> seen = LAST.get();
        assertThat(seen.keySet()).noneMatch(k -> k.equalsIgnoreCase("X-Agency") || k.equalsIgnoreCase("X-User"));
        String forwarded = Tokens.bearer(header(seen, "Authorization"));
        assertThat(forwarded).isNotEqualTo(token);
        Caller caller = tokens.verify(forwarded, Tokens.SERVICES);
        assertThat(caller.kind()).isEqualTo(Caller.Kind.DEPARTMENT);
        assertThat(caller.code()).isEqualTo("tax");
        assertThat(caller.subject()).isEqualTo(clientId);
    }

    @Test
    @DisplayName("R16: forged, expired and internal tokens are refused with 401 and reach no service")
    void forgedAndExpiredTokens() throws Exception {
        var foreignKey = new ECKeyGenerator(Curve.P_256).keyID("dev-2026").algorithm(JWSAlgorithm.ES256).generate();
        String forged = new Tokens(TokenKeys.of(foreignKey.toJSONString(), ""))
                .mint(Caller.creditOffice("creditloop-admin"), Tokens.GATEWAY, Duration.ofMinutes(5));
        String expired = new Tokens(TokenKeys.development(), Clock.fixed(Instant.now().minus(Duration.ofHours(2)),
                ZoneOffset.UTC)).mint(Caller.creditOffice("creditloop-admin"), Tokens.GATEWAY, Duration.ofMinutes(5));
        String internal = tokens.mint(Caller.creditOffice("creditloop-admin"), Tokens.SERVICES, Duration.ofMinutes(5));
        for (String bad : List.of(forged, expired, internal, "garbage")) {
            web.post().uri("/api/listings").headers(h -> h.setBearerAuth(bad)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange().expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
        }
        assertThat(HITS.get()).isZero();
    }

    @Test
    @DisplayName("R16: the public needs no token; its request reaches the service without one")
    void publicCaller() {
        web.get().uri("/api/board").header("X-Agency", "credit-office").exchange().expectStatus().isOk();
        assertThat(LAST.get().keySet()).noneMatch(k -> k.equalsIgnoreCase("Authorization")
                || k.equalsIgnoreCase("X-Agency"));
    }

    @Test
    @DisplayName("R16: a rotated secret works alongside the new one for the grace period; a revoked client's token and secret stop working")
    void rotationAndRevocation() {
        Registered client = register("court-" + suffix(), "AGENCY", "court");
        String admin = adminToken();
        Map<?, ?> rotated = web.post().uri("/gateway/clients/" + client.id + "/rotation")
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String newSecret = (String) rotated.get("clientSecret");
        assertThat(newSecret).isNotEqualTo(client.secret);
        String byOld = accessToken(client.id, client.secret);
        accessToken(client.id, newSecret);

        web.delete().uri("/gateway/clients/" + client.id).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isNoContent();
        token(client.id, newSecret).expectStatus().isUnauthorized();
        web.get().uri("/api/sanction/tasks").headers(h -> h.setBearerAuth(byOld)).exchange()
                .expectStatus().isUnauthorized();
        assertThat(HITS.get()).isZero();
    }

    @Test
    @DisplayName("R16: a client whose token was just used is refused at once when revoked through this gateway, and within the client-check interval (1 s) when revoked through another instance")
    void revocationOfAClientInUse() throws Exception {
        Registered here = register("notary-" + suffix(), "AGENCY", "notary");
        String hereToken = accessToken(here.id, here.secret);
        web.get().uri("/api/listings/1").headers(h -> h.setBearerAuth(hereToken)).exchange().expectStatus().isOk();
        web.delete().uri("/gateway/clients/" + here.id).headers(h -> h.setBearerAuth(adminToken())).exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/listings/1").headers(h -> h.setBearerAuth(hereToken)).exchange()
                .expectStatus().isUnauthorized();

        Registered elsewhere = register("bailiff-" + suffix(), "AGENCY", "bailiff");
        String elsewhereToken = accessToken(elsewhere.id, elsewhere.secret);
        web.get().uri("/api/listings/1").headers(h -> h.setBearerAuth(elsewhereToken)).exchange()
                .expectStatus().isOk();
        assertThat(registry.revoke(elsewhere.id)).isTrue(); // another instance's revocation: the database only
        long revokedAt = System.nanoTime();
        int status;
        do {
            Thread.sleep(250); // under the client's rate limit of 5 a second
            status = web.get().uri("/api/listings/1").headers(h -> h.setBearerAuth(elsewhereToken)).exchange()
                    .returnResult(String.class).getStatus().value();
        } while (status == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(10).toNanos());
        assertThat(status).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).as("refused within the interval and a poll")
                .isLessThan(Duration.ofMillis(1000 + 250 + 1000));
    }

    @Test
    @DisplayName("R16: only the credit office manages clients; only credit-office staff log in")
    void adminApiAndLogin() {
        Registered department = register("housing-" + suffix(), "DEPARTMENT", "housing");
        String departmentToken = accessToken(department.id, department.secret);
        web.get().uri("/gateway/clients").exchange().expectStatus().isUnauthorized();
        web.get().uri("/gateway/clients").headers(h -> h.setBearerAuth(departmentToken)).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/gateway/clients").headers(h -> h.setBearerAuth(departmentToken))
                .bodyValue(Map.of("clientId", "sneaky-" + suffix(), "kind", "CREDIT_OFFICE", "code", "credit-office"))
                .exchange().expectStatus().isForbidden();

        web.post().uri("/auth/login").bodyValue(Map.of("username", department.id, "password", department.secret))
                .exchange().expectStatus().isUnauthorized();
        web.post().uri("/auth/login").bodyValue(Map.of("username", "creditloop-admin",
                        "password", "bootstrap-secret-for-tests"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.kind").isEqualTo("CREDIT_OFFICE");
        List<?> clients = web.get().uri("/gateway/clients").headers(h -> h.setBearerAuth(adminToken())).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(clients.toString()).contains(department.id).doesNotContain(department.secret);
    }

    @Test
    @DisplayName("one client over its rate limit gets 429 while every request of another client, at its own pace under "
            + "the limit, goes through")
    void perClientRateLimit() throws Exception {
        Registered noisy = register("noisy-" + suffix(), "AGENCY", "tax");
        Registered quiet = register("quiet-" + suffix(), "AGENCY", "market");
        String noisyToken = accessToken(noisy.id, noisy.secret);
        String quietToken = accessToken(quiet.id, quiet.secret);
        // the noisy client floods (limit 5 per second) from eight threads for as long as the quiet one works
        java.util.concurrent.atomic.AtomicBoolean quietDone = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger noisyOk = new AtomicInteger();
        AtomicInteger noisyLimited = new AtomicInteger();
        List<Thread> flood = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                while (!quietDone.get()) {
                    int status = web.get().uri("/api/sanction/tasks").headers(h -> h.setBearerAuth(noisyToken))
                            .exchange().returnResult(String.class).getStatus().value();
                    (status == 429 ? noisyLimited : noisyOk).incrementAndGet();
                }
            }, "noisy-client-" + t);
            thread.start();
            flood.add(thread);
        }
        List<Integer> quietStatuses = new java.util.ArrayList<>();
        int limitedBefore;
        try {
            org.awaitility.Awaitility.await("the noisy client is over its limit").atMost(Duration.ofSeconds(30))
                    .until(() -> noisyLimited.get() > 0);
            limitedBefore = noisyLimited.get();
            // three requests per second (a 350 ms pace): within any one-second period of its limiter, at most three
            for (int i = 0; i < 9; i++) {
                long next = System.nanoTime() + Duration.ofMillis(350).toNanos();
                quietStatuses.add(web.get().uri("/api/sanction/tasks").headers(h -> h.setBearerAuth(quietToken))
                        .exchange().returnResult(String.class).getStatus().value());
                java.util.concurrent.locks.LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            }
        } finally {
            quietDone.set(true);
            for (Thread thread : flood) {
                thread.join();
            }
        }
        assertThat(noisyLimited.get()).as("the noisy client's 429s while the quiet one worked")
                .isGreaterThan(limitedBefore);
        assertThat(noisyOk.get()).as("the noisy client's own share still goes through").isPositive();
        assertThat(quietStatuses).as("every request of the quiet client").hasSize(9).containsOnly(200);
    }

    @Test
    @DisplayName("a chunked body without Content-Length is counted while streamed: over the limit it is cut with 413 "
            + "and the service never receives it whole; under the limit it passes")
    void chunkedBodyCounted() {
        Registered client = register("chunked-" + suffix(), "DEPARTMENT", "tax");
        String token = accessToken(client.id, client.secret);
        org.springframework.core.io.buffer.DefaultDataBufferFactory buffers =
                new org.springframework.core.io.buffer.DefaultDataBufferFactory();
        reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> big = reactor.core.publisher.Flux
                .range(0, 16).map(i -> buffers.wrap(new byte[512]));
        web.post().uri("/api/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(big)).exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(RECEIVED.get()).as("bytes a service received whole").isLessThan(16 * 512);

        reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> small = reactor.core.publisher.Flux
                .range(0, 2).map(i -> buffers.wrap("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        web.post().uri("/api/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(small)).exchange().expectStatus().isOk();
        assertThat(LAST.get().keySet()).anyMatch(k -> k.equalsIgnoreCase("Transfer-encoding"));
    }

    @Test
    @DisplayName("a body over the limit gets 413 and reaches no service")
    void requestSizeLimit() {
        Registered client = register("big-" + suffix(), "DEPARTMENT", "tax");
        String token = accessToken(client.id, client.secret);
        byte[] big = new byte[4096];
        java.util.Arrays.fill(big, (byte) 'a');
        web.post().uri("/api/listings").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big).exchange().expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(HITS.get()).isZero();
    }

    // --- helpers

    private record Registered(String id, String secret) {
    }

    private Registered register(String clientId, String kind, String code) {
        Map<?, ?> body = web.post().uri("/gateway/clients").headers(h -> h.setBearerAuth(adminToken()))
                .bodyValue(Map.of("clientId", clientId, "kind", kind, "code", code, "name", clientId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return new Registered(clientId, (String) body.get("clientSecret"));
    }

    private String adminToken() {
        return accessToken("creditloop-admin", "bootstrap-secret-for-tests");
    }

    private WebTestClient.ResponseSpec token(String id, String secret) {
        return web.post().uri("/oauth2/token").headers(h -> h.setBasicAuth(id, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")).exchange();
    }

    private String accessToken(String id, String secret) {
        Map<?, ?> body = token(id, secret).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat(body.get("token_type")).isEqualTo("Bearer");
        return (String) body.get("access_token");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    private static HttpServer fakeService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                HITS.incrementAndGet();
                LAST.set(Map.copyOf(exchange.getRequestHeaders()));
                try {
                    RECEIVED.set(exchange.getRequestBody().readAllBytes().length);
                } catch (IOException cut) {
                    exchange.close(); // the gateway cut the body
                    return;
                }
                byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
