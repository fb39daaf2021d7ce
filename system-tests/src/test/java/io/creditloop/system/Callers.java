package io.creditloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * R16: the suite's callers as the gateway knows them. The credit office logs in with the bootstrap client
 * ({@code GATEWAY_DEV_SECRET}), registers a client per department and agency through the admin API, and each gets its
 * token from {@code POST /oauth2/token} (client credentials), exactly as a department's system would.
 */
final class Callers {

    static final String ADMIN = "creditloop-admin";
    static final String ADMIN_SECRET = "system-tests-bootstrap-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Api> apis = new ConcurrentHashMap<>();

    Callers(String gatewayBase) {
        this.base = gatewayBase;
    }

    /** The public: no token. */
    Api publicCaller() {
        return new Api(base);
    }

    Api creditOffice() {
        return apis.computeIfAbsent("credit-office", k -> new Api(base, login()));
    }

    Api department(String code) {
        return apis.computeIfAbsent("department:" + code, k -> client("dept-" + code, "DEPARTMENT", code));
    }

    Api agency(String code) {
        return apis.computeIfAbsent("agency:" + code, k -> client("agency-" + code, "AGENCY", code));
    }

    private String login() {
        JsonNode reply = send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + ADMIN + "\",\"password\":\""
                        + ADMIN_SECRET + "\"}")), 200);
        return reply.get("access_token").asText();
    }

    private Api client(String clientId, String kind, String code) {
        String admin = creditOfficeToken();
        HttpResponse<String> created = raw(HttpRequest.newBuilder(URI.create(base + "/gateway/clients"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + clientId + "\",\"kind\":\"" + kind
                        + "\",\"code\":\"" + code + "\",\"name\":\"" + clientId + "\"}")));
        String secret;
        if (created.statusCode() == 409) { // registered by an earlier test class in this database: a new secret
            secret = send(HttpRequest.newBuilder(URI.create(base + "/gateway/clients/" + clientId + "/rotation"))
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()), 200)
                    .get("clientSecret").asText();
        } else {
            if (created.statusCode() != 201) {
                throw new AssertionError("cannot register " + clientId + ": " + created.statusCode() + " "
                        + created.body());
            }
            secret = json(created).get("clientSecret").asText();
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        JsonNode token = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), 200);
        return new Api(base, token.get("access_token").asText());
    }

    private String creditOfficeToken() {
        return creditOffice().token();
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        HttpResponse<String> response = raw(request);
        if (response.statusCode() != expected) {
            throw new AssertionError(request.build().uri() + ": " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> raw(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
