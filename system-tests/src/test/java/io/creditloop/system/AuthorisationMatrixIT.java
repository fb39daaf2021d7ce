package io.creditloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.creditloop.contracts.EventTypes;
import io.creditloop.security.Caller;
import io.creditloop.security.TokenKeys;
import io.creditloop.security.Tokens;
import io.creditloop.testsupport.Identifiers;
import io.creditloop.testsupport.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R16 ("谁认定、谁负责"), issue 8's authorisation matrix: every role against every endpoint of the suite, through the
 * gateway, with real ids. The expectations are {@code src/test/resources/authorisation/matrix.csv} (one row per
 * endpoint, one column per role), the bodies {@code requests.json}. The endpoints come from each service's OpenAPI
 * at the gateway: an operation without a row, or a row without an operation, fails. Denied calls (public caller on a
 * protected route, forged and expired tokens, another department's listing or list type, another agency's task ...)
 * must get 401/403 and leave the row count of every table in every schema unchanged; allowed calls must get neither
 * 401/403 nor a 5xx. Denied calls run first, so the allowed ones (which do write) cannot hide a denied write.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorisationMatrixIT {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuthorisationMatrixIT.class);
    private static final Duration ASYNC = Duration.ofSeconds(90);
    private static final List<String> SERVICES = List.of("identification", "sharing", "sanction", "repair",
            "publication");
    private static final List<String> SCHEMAS = List.of("identification", "sharing", "sanction", "repair",
            "publication", "gateway");
    private static final List<String> ROLES = List.of("public", "tax", "market", "finance", "market-reg", "office",
            "forged", "expired");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Row(int line, String method, String path, Map<String, Boolean> allowed) {
        String key() {
            return method + " " + path;
        }

        String pathWithoutQuery() {
            int q = path.indexOf('?');
            return q < 0 ? path : path.substring(0, q);
        }
    }

    record Operation(String service, String method, String template, Pattern pattern, int variables) {
        @Override
        public String toString() {
            return method + " " + template + " (" + service + ")";
        }
    }

    static Suite suite;
    static Agencies agencies;
    static final Map<String, String> TOKENS = new HashMap<>();
    static final Map<String, String> IDS = new LinkedHashMap<>();
    static List<Row> rows;
    static JsonNode requests;

    @BeforeAll
    static void setUp() throws Exception {
        suite = Suite.get();
        agencies = new Agencies(suite.kafka());
        rows = readMatrix();
        requests = JSON.readTree(resource("authorisation/requests.json"));
        Callers callers = new Callers(suite.gateway());
        Api tax = callers.department("tax");
        Api office = callers.creditOffice();
        TOKENS.put("tax", tax.token());
        TOKENS.put("market", callers.department("market").token());
        TOKENS.put("finance", callers.agency("finance").token());
        TOKENS.put("market-reg", callers.agency("market-regulation").token());
        TOKENS.put("office", office.token());
        var foreignKey = new ECKeyGenerator(Curve.P_256).keyID("dev-2026").algorithm(JWSAlgorithm.ES256).generate();
        TOKENS.put("forged", new Tokens(TokenKeys.of(foreignKey.toJSONString(), ""))
                .mint(Caller.creditOffice(Callers.ADMIN), Tokens.GATEWAY, Duration.ofMinutes(30)));
        TOKENS.put("expired", new Tokens(TokenKeys.development(), Clock.fixed(Instant.now().minus(Duration.ofHours(3)),
                ZoneOffset.UTC)).mint(Caller.creditOffice(Callers.ADMIN), Tokens.GATEWAY, Duration.ofMinutes(5)));

        String run = UUID.randomUUID().toString().substring(0, 8);
        IDS.put("run", run);
        IDS.put("uscc", Identifiers.uscc());
        IDS.put("RUN", run.toUpperCase(Locale.ROOT));
        IDS.put("ownType", "MATRIX_RED_" + IDS.get("RUN"));

        // tax's own red list type without publicity, so its red listing is confirmed at once (R2, R5)
        Api.Reply type = tax.postRaw("/api/catalog/list-types", body("POST /api/catalog/list-types"));
        assertThat(type.status()).as(type.body()).isEqualTo(201);
        // tax's black listing of an organisation, recognised over a year ago (R12(b) makes it repairable)
        Map<String, Object> black = new HashMap<>(Listings.taxBlack("矩阵" + run + "贸易有限公司", IDS.get("uscc")));
        black.put("recognitionDate", "2025-06-01");
        Api.Reply listing = tax.post("/api/listings", black);
        assertThat(listing.status()).as(listing.body()).isEqualTo(201);
        IDS.put("listing", listing.json().get("id").asText());
        Map<String, Object> red = new HashMap<>(Listings.taxRed("矩阵红" + run + "有限公司", Identifiers.uscc()));
        red.put("listType", IDS.get("ownType"));
        Api.Reply redListing = tax.post("/api/listings", red);
        assertThat(redListing.json().get("status").asText()).as(redListing.body()).isEqualTo("CONFIRMED");
        IDS.put("red", redListing.json().get("id").asText());

        List<Agencies.Task> tasks = agencies.await(IDS.get("listing"), EventTypes.TASK_INITIATED, 3, ASYNC);
        IDS.put("taskA", tasks.stream().filter(t -> t.agency().equals("finance")).findFirst().orElseThrow().taskId());
        assertThat(tasks).extracting(Agencies.Task::agency).contains("market-regulation");

        Api.Reply upload = tax.upload("/api/intake/uploads", "matrix.csv", ("名单类型,名称/姓名,统一社会信用代码,法定代表人,"
                + "身份证号码,列入名单事由,认定部门,认定依据,认定日期,有效期\n黑名单(重大税收违法案件),矩阵上传" + run + "有限公司,"
                + Identifiers.uscc() + ",张三,,虚开增值税专用发票,市税务局,《中华人民共和国税收征收管理法》,2026-11-2,2年\n")
                .getBytes(StandardCharsets.UTF_8),
                Map.of("department", "tax"));
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        IDS.put("upload", upload.json().get("id").asText());

        IDS.put("objection", await("repair knows the listing").atMost(ASYNC).until(() -> office.postRaw(
                "/api/repair/objections", body("POST /api/repair/objections")), r -> r.status() == 201)
                .json().get("id").asText());
        Api.Reply repair = office.postRaw("/api/repair/repairs", body("POST /api/repair/repairs"));
        assertThat(repair.status()).as(repair.body()).isEqualTo(201);
        IDS.put("repair", repair.json().get("id").asText());
        IDS.put("report", await("repair knows the red listing").atMost(ASYNC).until(() -> office.postRaw(
                "/api/repair/supervision-reports", body("POST /api/repair/supervision-reports")),
                r -> r.status() == 201).json().get("id").asText());

        Api.Reply upstream = office.postRaw("/api/sharing/upstream/court/listings",
                body("POST /api/sharing/upstream/court/listings"));
        assertThat(upstream.status()).as(upstream.body()).isBetween(200, 202);
        IDS.put("upstreamId", "MATRIX-UP-" + run);

        Api.Reply measure = office.postRaw("/api/sanction/measures", body("POST /api/sanction/measures"));
        assertThat(measure.status()).as(measure.body()).isEqualTo(201);

        Api.Reply release = office.postRaw("/api/board/releases", body("POST /api/board/releases"));
        assertThat(release.status()).as(release.body()).isEqualTo(201);
        IDS.put("release", release.json().get("no").asText());

        Api.Reply client = office.post("/gateway/clients", Map.of("clientId", "matrix-" + run, "kind", "AGENCY",
                "code", "matrix", "name", "矩阵"));
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        IDS.put("client", "matrix-" + run);

        // the listings' asynchronous consequences settle (tasks, forwards, board) before anything is counted
        await("forwards delivered").atMost(ASYNC).untilAsserted(() -> assertThat(
                office.get("/api/sharing/forwards?listingId=" + IDS.get("listing")).json().findValuesAsText("state"))
                .isNotEmpty().doesNotContain("PENDING"));
    }

    @AfterAll
    static void close() {
        if (agencies != null) {
            agencies.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("R16: every operation of every service's OpenAPI has a row in the matrix, and every row an operation")
    void everyEndpointHasAnExpectation() {
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            Api.Reply docs = new Api(suite.gateway()).get("/openapi/" + service);
            assertThat(docs.status()).as("/openapi/" + service).isEqualTo(200);
            docs.json().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> operations.add(operation(service, method, path.getKey()))));
        }
        assertThat(operations).hasSizeGreaterThan(50);

        Set<Operation> covered = new LinkedHashSet<>();
        List<String> stale = new ArrayList<>();
        for (Row row : rows) {
            if (row.path().startsWith("/gateway/")) {
                continue; // the gateway's own endpoints have no OpenAPI
            }
            operations.stream()
                    .filter(o -> o.method().equals(row.method()) && o.pattern().matcher(row.pathWithoutQuery()).matches())
                    .min(java.util.Comparator.comparingInt(Operation::variables)
                            .thenComparing(o -> -o.template().length()))
                    .ifPresentOrElse(covered::add, () -> stale.add("line " + row.line() + ": " + row.key()));
        }
        List<Operation> missing = operations.stream().filter(o -> !covered.contains(o)).toList();
        assertThat(missing).as("operations without a row in authorisation/matrix.csv").isEmpty();
        assertThat(stale).as("rows of authorisation/matrix.csv without an operation").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("R16: public callers on protected routes, forged and expired tokens, another department's listing or "
            + "list type, another agency's task: each refused with 401/403, and nothing is written in any schema")
    void deniedCallsAreRefusedAndWriteNothing() throws Exception {
        Map<String, Long> before = awaitQuietCounts();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Row row : rows) {
            for (String role : ROLES) {
                if (!row.allowed().get(role)) {
                    calls++;
                    HttpResponse<String> response = send(row, role);
                    if (response.statusCode() != 401 && response.statusCode() != 403) {
                        wrong.add(role + " " + row.key() + " (line " + row.line() + "): " + response.statusCode() + " "
                                + abbreviate(response.body()));
                    }
                }
            }
        }
        // named cases of issue 8, beyond the rows' bodies: another department's list type, in its own name
        Map<String, Object> foreignType = new HashMap<>(Listings.taxBlack("矩阵越权有限公司", Identifiers.uscc()));
        foreignType.put("department", "market");
        Api.Reply ownNameForeignType = new Api(suite.gateway(), TOKENS.get("market")).post("/api/listings", foreignType);
        assertThat(ownNameForeignType.status()).as(ownNameForeignType.body()).isEqualTo(403);
        // another department's list type in a spreadsheet upload
        Api.Reply foreignUpload = new Api(suite.gateway(), TOKENS.get("market")).upload("/api/intake/uploads",
                "x.csv", "a,b\n".getBytes(StandardCharsets.UTF_8), Map.of("department", "market",
                        "listType", "TAX_MAJOR_VIOLATION"));
        assertThat(foreignUpload.status()).as(foreignUpload.body()).isEqualTo(403);

        Map<String, Long> after = counts();
        int denied = calls;
        org.assertj.core.api.SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(wrong).as("denied calls that were not refused with 401/403").isEmpty();
            softly.assertThat(denied).isGreaterThan(300);
            softly.assertThat(changed(before, after)).as("tables whose row count changed (before -> after) over %d "
                    + "refused calls", denied).isEmpty();
            softly.assertThat(after.keySet()).as("tables counted").isEqualTo(before.keySet());
        });
    }

    @Test
    @Order(3)
    @DisplayName("R16: every allowed role gets through (neither 401/403 nor a server error)")
    void allowedCallsGetThrough() {
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Row row : rows) {
            for (String role : ROLES) {
                if (row.allowed().get(role)) {
                    HttpResponse<String> response = send(row, role);
                    int status = response.statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    if (status >= 400) { // allowed, but refused by the service's own rules (state, input): shown
                        log.info("allowed {} {} -> {} {}", role, row.key(), status, abbreviate(response.body()));
                    }
                    if (status == 401 || status == 403 || status >= 500) {
                        wrong.add(role + " " + row.key() + " (line " + row.line() + "): " + status + " "
                                + abbreviate(response.body()));
                    }
                }
            }
        }
        log.info("allowed calls by status: {}", statuses);
        assertThat(wrong).as("allowed calls that were refused or failed").isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("a refusal is logged by the service with the request id the gateway passed on (X-Request-Id in MDC)")
    void refusalLoggedWithTheRequestId() throws Exception {
        String requestId = "matrix-request-" + IDS.get("run");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(suite.gateway() + "/api/listings/"
                        + IDS.get("listing") + "/exit"))
                .header("Authorization", "Bearer " + TOKENS.get("market")).header("X-Request-Id", requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"REVOKED\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-Request-Id")).contains(requestId);
        await("the service's log line").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                java.nio.file.Files.readAllLines(suite.log("identification-service"), StandardCharsets.UTF_8))
                .anyMatch(line -> line.contains("[" + requestId + "]") && line.contains("refused")));
    }

    @Test
    @Order(5)
    @DisplayName("issue 9: hostile input at every endpoint (broken JSON, wrong types, deep nesting, huge and injected "
            + "texts, bytes that are not UTF-8, hostile query strings and path ids) gets a 4xx, never a 5xx; every app "
            + "stays up")
    void hostileInputNeverAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (Row row : rows) {
            String role = List.of("office", "tax", "finance", "market-reg", "market", "public").stream()
                    .filter(r -> row.allowed().get(r)).findFirst().orElse(null);
            if (role == null) {
                continue;
            }
            JsonNode spec = requests.get(row.key());
            boolean jsonBody = !row.method().equals("GET") && !row.method().equals("DELETE")
                    && (spec == null || !spec.has("multipart"));
            Map<String, HttpRequest> variants = new LinkedHashMap<>();
            String path = fill(row.path());
            if (jsonBody) {
                HostileInput.bodies(body(row.key())).forEach((name, bytes) -> variants.put(name,
                        hostile(path, row.method(), role, bytes)));
            }
            if (row.method().equals("GET")) {
                HostileInput.queries().forEach((name, query) -> variants.put(name, hostile(path
                        + (path.contains("?") ? "&" : "?") + query, "GET", role, null)));
            }
            java.util.regex.Matcher id = Pattern.compile("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    .matcher(path);
            if (id.find()) {
                for (String tampered : List.of("/not-a-uuid", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/" + "9".repeat(300))) {
                    variants.put("path id " + tampered.substring(0, Math.min(20, tampered.length())),
                            hostile(path.substring(0, id.start()) + tampered + path.substring(id.end()),
                                    row.method(), role, jsonBody ? body(row.key()).getBytes(StandardCharsets.UTF_8)
                                            : null));
                }
            }
            for (Map.Entry<String, HttpRequest> variant : variants.entrySet()) {
                HttpResponse<String> response = HTTP.send(variant.getValue(), HttpResponse.BodyHandlers.ofString());
                sent++;
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    failures.add(role + " " + row.key() + " with " + variant.getKey() + ": " + response.statusCode()
                            + " " + abbreviate(response.body()));
                }
            }
        }
        log.info("hostile input: {} requests, by status {}", sent, statuses);
        assertThat(sent).isGreaterThan(300);
        assertThat(failures).as("hostile requests answered with a server error").isEmpty();
        for (String app : Suite.APPS) {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(suite.url(app)
                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).as(app + " after the hostile input").contains("UP");
        }
    }

    private static HttpRequest hostile(String path, String method, String role, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gateway() + path))
                .timeout(Duration.ofSeconds(30));
        if (!role.equals("public")) {
            request.header("Authorization", "Bearer " + TOKENS.get(role));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    // --- the matrix

    private static List<Row> readMatrix() {
        List<Row> read = new ArrayList<>();
        String[] lines = resource("authorisation/matrix.csv").split("\n");
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            if (header) {
                assertThat(List.of(cells).subList(2, cells.length)).as("matrix.csv header").isEqualTo(ROLES);
                header = false;
                continue;
            }
            assertThat(cells).as("matrix.csv line " + (i + 1)).hasSize(2 + ROLES.size());
            Map<String, Boolean> allowed = new LinkedHashMap<>();
            for (int r = 0; r < ROLES.size(); r++) {
                String cell = cells[2 + r].strip();
                assertThat(cell).as("matrix.csv line " + (i + 1) + " " + ROLES.get(r)).isIn("A", "D");
                allowed.put(ROLES.get(r), cell.equals("A"));
            }
            read.add(new Row(i + 1, cells[0].strip(), cells[1].strip(), allowed));
        }
        return read;
    }

    private static Operation operation(String service, String method, String template) {
        String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
        return new Operation(service, method.toUpperCase(Locale.ROOT), template, Pattern.compile(regex),
                (int) template.chars().filter(c -> c == '{').count());
    }

    private static String fill(String text) {
        String filled = text;
        for (Map.Entry<String, String> id : IDS.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    private static String body(String key) {
        JsonNode spec = requests.get(key);
        return spec == null || !spec.has("json") ? "{}" : fill(spec.get("json").toString());
    }

    private static HttpResponse<String> send(Row row, String role) {
        URI uri = URI.create(suite.gateway() + fill(row.path()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (!role.equals("public")) {
            request.header("Authorization", "Bearer " + TOKENS.get(role));
        }
        JsonNode spec = requests.get(row.key());
        HttpRequest.BodyPublisher body;
        if (spec != null && spec.has("multipart")) {
            JsonNode part = spec.get("multipart");
            String boundary = "matrix" + UUID.randomUUID();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.get("fields").fields().forEachRemaining(f -> bytes.writeBytes(("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + fill(f.getValue().asText()) + "\r\n").getBytes(StandardCharsets.UTF_8)));
            bytes.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + part.get("filename").asText() + "\"\r\nContent-Type: text/csv\r\n\r\n"
                    + fill(part.get("file").asText()) + "\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray());
        } else if (spec != null || row.method().equals("POST")) {
            request.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(body(row.key()));
        } else {
            body = HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HTTP.send(request.method(row.method(), body).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(row.key() + " as " + role, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- "write nothing": the row count of every table of every schema

    /** Counts once the suite's own background work (relays, consumers, watches) has stopped changing them. */
    private static Map<String, Long> awaitQuietCounts() {
        Map<String, Long>[] last = new Map[]{counts()};
        return await("row counts settle").atMost(ASYNC).pollDelay(Duration.ofSeconds(3))
                .pollInterval(Duration.ofSeconds(3)).until(() -> {
                    Map<String, Long> now = counts();
                    boolean same = now.equals(last[0]);
                    last[0] = now;
                    return same ? now : null;
                }, java.util.Objects::nonNull);
    }

    private static Map<String, Long> counts() {
        TestServers.Database db = suite.database();
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    if (SCHEMAS.contains(rs.getString("TABLE_SCHEM"))) {
                        tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + quoted(table))) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(counts.keySet()).as("tables counted").hasSizeGreaterThan(30);
        return counts;
    }

    private static Map<String, String> changed(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new TreeMap<>();
        before.forEach((table, count) -> {
            if (!count.equals(after.get(table))) {
                changed.put(table, count + " -> " + after.get(table));
            }
        });
        return changed;
    }

    private static String quoted(String table) {
        String[] parts = table.split("\\.");
        return "\"" + parts[0].replace("\"", "") + "\".\"" + parts[1].replace("\"", "") + "\"";
    }

    private static String resource(String name) {
        try (InputStream in = AuthorisationMatrixIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
