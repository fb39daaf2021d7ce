package io.creditloop.sharing.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Upstream platforms on 127.0.0.1 for one test class: {@code /<platform>/records}, idempotent on the Idempotency-Key.
 * Faults are set per listing id (read from the body), so tests sharing the server do not disturb each other.
 */
final class FakePlatform implements AutoCloseable {

    record Request(String platform, String idempotencyKey, JsonNode body, int status) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Map<String, String> rejections = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledgements = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, java.time.Instant> downUntil = new ConcurrentHashMap<>();
    private final java.time.Clock clock;

    FakePlatform() throws IOException {
        this(java.time.Clock.systemUTC());
    }

    /** @param clock the time a platform's {@link #downUntil} is measured against (a test's simulated time) */
    FakePlatform(java.time.Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String platform) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + platform + "/records";
    }

    void down(String listingId) {
        down.add(listingId);
    }

    void up(String listingId) {
        down.remove(listingId);
    }

    /** The whole platform answers 503 until then (simulated time). */
    void downUntil(String platform, java.time.Instant until) {
        downUntil.put(platform, until);
    }

    void reject(String listingId, String reason) {
        rejections.put(listingId, reason);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requestsFor(String listingId) {
        return requests.stream().filter(r -> listingId.equals(r.body().path("listingId").asText())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String platform = exchange.getRequestURI().getPath().split("/")[1];
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            JsonNode body = json.readTree(exchange.getRequestBody());
            String listingId = body.path("listingId").asText();
            int status;
            String answer;
            java.time.Instant until = downUntil.get(platform);
            if (down.contains(listingId) || (until != null && clock.instant().isBefore(until))) {
                status = 503;
                answer = "{\"reason\":\"系统维护中\"}";
            } else if (rejections.containsKey(listingId)) {
                status = 422;
                answer = json.writeValueAsString(Map.of("reason", rejections.get(listingId)));
            } else {
                String fresh = platform.toUpperCase(Locale.ROOT) + "-" + sequence.incrementAndGet();
                String ack = acknowledgements.putIfAbsent(key, fresh);
                status = ack == null ? 201 : 200;
                answer = json.writeValueAsString(Map.of("acknowledgement", ack == null ? fresh : ack));
            }
            requests.add(new Request(platform, key, body, status));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
