package io.creditloop.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Routes reach the right service with the path unchanged and a request id; OpenAPI paths are rewritten. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutesTest {

    private static final Map<String, HttpServer> SERVICES = new ConcurrentHashMap<>();
    private static final Map<String, String> LAST_REQUEST = new ConcurrentHashMap<>();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String name : new String[]{"identification", "sharing", "sanction", "repair", "publication"}) {
            HttpServer server = SERVICES.computeIfAbsent(name, GatewayRoutesTest::fakeService);
            registry.add(name.toUpperCase() + "_URL", () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(s -> s.stop(0));
    }

    @Test
    @DisplayName("each API prefix reaches its own service with the path unchanged")
    void routesByPrefix() {
        assertRoutedTo("/api/listings", "identification", "/api/listings");
        assertRoutedTo("/api/listings/42/exit", "identification", "/api/listings/42/exit");
        assertRoutedTo("/api/catalog/list-types", "identification", "/api/catalog/list-types");
        assertRoutedTo("/api/intake/uploads/7", "identification", "/api/intake/uploads/7");
        assertRoutedTo("/api/sanction/listings/1/loop", "sanction", "/api/sanction/listings/1/loop");
        assertRoutedTo("/dashboard/", "sanction", "/dashboard/");
        assertRoutedTo("/dashboard/dashboard.js", "sanction", "/dashboard/dashboard.js");
        assertRoutedTo("/api/sharing/forwards", "sharing", "/api/sharing/forwards");
        assertRoutedTo("/api/repair/objections", "repair", "/api/repair/objections");
        assertRoutedTo("/api/board", "publication", "/api/board");
        assertRoutedTo("/api/board/feed.atom", "publication", "/api/board/feed.atom");
        assertRoutedTo("/board/", "publication", "/board/");
        assertRoutedTo("/board/board.js", "publication", "/board/board.js");
        assertRoutedTo("/openapi/sanction", "sanction", "/v3/api-docs");
    }

    @Test
    @DisplayName("a request id is added, echoed to the caller and passed on; a sane caller id is kept")
    void requestId() {
        String generated = web.get().uri("/api/board").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(generated).isNotBlank();
        assertThat(LAST_REQUEST.get("publication")).contains("x-request-id=" + generated);

        web.get().uri("/api/board").header("X-Request-Id", "dept-tax-000123").exchange()
                .expectHeader().valueEquals("X-Request-Id", "dept-tax-000123");
        web.get().uri("/api/board").header("X-Request-Id", "bad id; drop table").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).isNotEqualTo("bad id; drop table"));
    }

    @Test
    void unknownPathIsNotFound() {
        web.get().uri("/internal/tables").exchange().expectStatus().isNotFound();
    }

    private void assertRoutedTo(String path, String service, String expectedPath) {
        web.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo(service + " " + expectedPath);
    }

    private static HttpServer fakeService(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                LAST_REQUEST.put(name, "x-request-id=" + exchange.getRequestHeaders().getFirst("X-Request-Id"));
                byte[] body = (name + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
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
