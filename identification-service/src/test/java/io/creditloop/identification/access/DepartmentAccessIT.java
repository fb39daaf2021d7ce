package io.creditloop.identification.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.creditloop.security.Caller;
import io.creditloop.security.TokenKeys;
import io.creditloop.security.Tokens;
import io.creditloop.testsupport.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R16 "谁认定、谁负责": identification trusts no header, only the gateway's signed token; a department acts only for
 * itself and only on list types it owns; every refusal (401/403) comes before anything is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.identification.lifecycle-enabled=false")
class DepartmentAccessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USCC = "91420200MA4KLB7Q32";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("R16: no token, a forged, an expired or a client's own gateway token get 401 and write nothing")
    void missingForgedExpired() throws Exception {
        var foreign = new ECKeyGenerator(Curve.P_256).keyID("dev-2026").algorithm(JWSAlgorithm.ES256).generate();
        String forged = new Tokens(TokenKeys.of(foreign.toJSONString(), ""))
                .mint(Caller.department("tax", "tax-system"), Tokens.SERVICES, Duration.ofMinutes(5));
        String expired = new Tokens(TokenKeys.development(), Clock.fixed(Instant.now().minus(Duration.ofHours(1)),
                ZoneOffset.UTC)).mint(Caller.department("tax", "tax-system"), Tokens.SERVICES, Duration.ofMinutes(5));
        String gatewayToken = new Tokens(TokenKeys.development())
                .mint(Caller.department("tax", "tax-system"), Tokens.GATEWAY, Duration.ofMinutes(5));
        String name = "无令牌" + UUID.randomUUID() + "有限公司";
        for (String token : new String[]{null, forged, expired, gatewayToken}) {
            HttpResponse<String> refused = post("/api/listings", body(name, "tax"), token);
            assertThat(refused.statusCode()).as("token " + token).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        // the headers that once named the caller mean nothing now
        HttpResponse<String> headersOnly = send(HttpRequest.newBuilder(uri("/api/listings"))
                .header("Content-Type", "application/json").header("X-Department", "tax").header("X-User", "x")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body(name, "tax")))));
        assertThat(headersOnly.statusCode()).isEqualTo(401);
        assertThat(countByName(name)).isZero();
    }

    @Test
    @DisplayName("R16: another department's list type, or an agency, is refused with 403 and nothing is written")
    void anotherDepartmentsListType() throws Exception {
        String name = "他人类型" + UUID.randomUUID() + "有限公司";
        assertThat(post("/api/listings", body(name, "market"), TestTokens.department("market")).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/listings", body(name, "tax"), TestTokens.department("market")).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/listings", body(name, "tax"), TestTokens.agency("tax")).statusCode()).isEqualTo(403);
        assertThat(post("/api/listings", body(name, "tax"), TestTokens.creditOffice()).statusCode()).isEqualTo(403);
        HttpResponse<String> batch = post("/api/listings/batch", Map.of("listings",
                List.of(body(name, "market"), body(name + "2", "tax"))), TestTokens.department("market"));
        assertThat(batch.statusCode()).isEqualTo(403);
        assertThat(batch.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(countByName(name)).isZero();
        assertThat(countByName(name + "2")).isZero();

        Map<String, Object> revision = new HashMap<>(Map.of("code", "TAX_MAJOR_VIOLATION", "department", "market",
                "name", "篡改", "kind", "BLACK", "domain", "税务", "basis", "x", "defaultValidity", "2年"));
        int versions = versions("TAX_MAJOR_VIOLATION");
        assertThat(post("/api/catalog/list-types", revision, TestTokens.department("market")).statusCode())
                .isEqualTo(403);
        assertThat(versions("TAX_MAJOR_VIOLATION")).isEqualTo(versions);
    }

    @Test
    @DisplayName("R16: the recognising department exits its listing; another department may not touch it")
    void onlyTheRecognisingDepartmentChangesAListing() throws Exception {
        String name = "本部门" + UUID.randomUUID() + "有限公司";
        HttpResponse<String> created = post("/api/listings", body(name, "tax"), TestTokens.department("tax"));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();

        HttpResponse<String> foreign = post("/api/listings/" + id + "/exit", Map.of("reason", "REVOKED"),
                TestTokens.department("market"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("CONFIRMED");
        HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/api/listings/" + id))
                .header("Authorization", "Bearer " + TestTokens.agency("tax")).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("CONFIRMED");

        HttpResponse<String> own = post("/api/listings/" + id + "/exit", Map.of("reason", "REVOKED"),
                TestTokens.department("tax"));
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode exited = JSON.readTree(own.body());
        assertThat(exited.get("status").asText()).isEqualTo("EXITED");
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM listing WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
    }

    private int versions(String code) {
        return jdbc.sql("SELECT count(*) FROM list_type WHERE code = :code").param("code", code)
                .query(Integer.class).single();
    }

    private long countByName(String name) {
        return jdbc.sql("SELECT count(*) FROM listing WHERE subject_name = :name").param("name", name)
                .query(Long.class).single();
    }

    private static Map<String, Object> body(String name, String department) {
        return new HashMap<>(Map.of("department", department, "listType", "TAX_MAJOR_VIOLATION",
                "subjectType", "ORGANISATION", "name", name, "uscc", USCC, "legalRepresentative", "张三",
                "reason", "虚开增值税专用发票", "basis", "《中华人民共和国税收征收管理法》",
                "recognitionDate", "2025-4-20", "validity", "2年"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> post(String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
