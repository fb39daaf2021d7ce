package io.creditloop.identification.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "creditloop.identification.lifecycle-enabled=false")
class CatalogIT {

    @Autowired
    TestRestTemplate http;

    @Test
    @DisplayName("R2/R17: the seed catalog covers the departments of Daye annex 2 with red, black and gray list types")
    void seedCatalog() {
        JsonNode types = http.getForObject("/api/catalog/list-types", JsonNode.class);

        assertThat(types.size()).isGreaterThanOrEqualTo(20);
        assertThat(types.findValuesAsText("department")).contains("tax", "market", "court", "hrss", "housing",
                "public-resource", "emergency", "health", "police", "environment", "military");
        assertThat(types.findValuesAsText("kind")).contains("RED", "BLACK", "GRAY");
        types.forEach(t -> {
            assertThat(t.get("basis").asText()).as(t.get("code").asText()).isNotBlank();
            assertThat(t.get("repairMode").asText()).isIn("PUBLICATION_WITHDRAWN", "RECTIFICATION_NOTED",
                    "NOT_REPAIRABLE");
        });
    }

    @Test
    @DisplayName("R2: a revised standard is a new version; listings made under the old one keep it")
    void revisionIsANewVersion() {
        String code = newCode();
        assertThat(publish(listType(code, "market", "BLACK", "2年")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String before = submitUnder(code, "market");

        ResponseEntity<JsonNode> revised = publish(listType(code, "market", "BLACK", "3年"));

        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revised.getBody().get("version").asInt()).isEqualTo(2);
        JsonNode versions = http.getForObject("/api/catalog/list-types/" + code, JsonNode.class);
        assertThat(versions.findValuesAsText("version")).containsExactly("2", "1");
        assertThat(http.getForObject("/api/listings/" + before, JsonNode.class).get("listTypeVersion").asInt())
                .isEqualTo(1);
        String after = submitUnder(code, "market");
        JsonNode listing = http.getForObject("/api/listings/" + after, JsonNode.class);
        assertThat(listing.get("listTypeVersion").asInt()).isEqualTo(2);
        assertThat(listing.get("validUntil").asText()).isEqualTo("2028-03-01"); // 3年 from 2025-03-02
    }

    @Test
    @DisplayName("R13: a revised standard flags the listings made under the old one; the department keeps or exits them")
    void standardChangeReview() {
        String code = newCode();
        publish(listType(code, "market", "BLACK", "2年"));
        String keep = submitUnder(code, "market");
        String drop = submitUnder(code, "market");
        publish(listType(code, "market", "BLACK", "3年"));
        String underNewStandard = submitUnder(code, "market");

        JsonNode pending = http.getForObject("/api/catalog/list-types/" + code + "/review", JsonNode.class);
        assertThat(pending.findValuesAsText("id")).containsExactlyInAnyOrder(keep, drop);

        ResponseEntity<JsonNode> foreign = http.postForEntity("/api/catalog/list-types/" + code + "/review",
                Map.of("department", "tax", "exitAll", true), JsonNode.class);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode outcome = http.postForObject("/api/catalog/list-types/" + code + "/review",
                Map.of("department", "market", "exit", java.util.List.of(drop)), JsonNode.class);

        assertThat(outcome.get("kept").asInt()).isEqualTo(1);
        assertThat(outcome.get("exited").asInt()).isEqualTo(1);
        assertThat(http.getForObject("/api/listings/" + drop, JsonNode.class).get("exitReason").asText())
                .isEqualTo("STANDARD_CHANGED");
        assertThat(http.getForObject("/api/listings/" + keep, JsonNode.class).get("status").asText())
                .isEqualTo("CONFIRMED");
        assertThat(http.getForObject("/api/listings/" + underNewStandard, JsonNode.class).get("status").asText())
                .isEqualTo("CONFIRMED");
        assertThat(http.getForObject("/api/catalog/list-types/" + code + "/review", JsonNode.class)).isEmpty();
    }

    @Test
    @DisplayName("R2: only the owning department revises its list type, the kind never changes, and a basis is required")
    void revisionRules() {
        String code = newCode();
        publish(listType(code, "market", "BLACK", "2年"));

        ResponseEntity<JsonNode> foreign = publish(listType(code, "tax", "BLACK", "2年"));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(foreign.getBody().get("errors").findValuesAsText("field")).containsExactly("department");

        ResponseEntity<JsonNode> kindChange = publish(listType(code, "market", "RED", "2年"));
        assertThat(kindChange.getBody().get("errors").findValuesAsText("field")).containsExactly("kind");

        Map<String, Object> noBasis = listType(code, "market", "BLACK", "两年");
        noBasis.remove("basis");
        ResponseEntity<JsonNode> refused = publish(noBasis);
        assertThat(refused.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("basis", "defaultValidity");

        assertThat(http.getForObject("/api/catalog/list-types/" + code, JsonNode.class)).hasSize(1);
        assertThat(http.getForEntity("/api/catalog/list-types/NO_SUCH_CODE", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String submitUnder(String code, String department) {
        Map<String, Object> body = Map.of("department", department, "listType", code, "subjectType", "ORGANISATION",
                "name", "目录测试" + UUID.randomUUID() + "有限公司", "uscc", "91420200MA4KLB7Q32", "reason", "严重违法",
                "basis", "测试依据", "recognitionDate", "2025-03-02");
        ResponseEntity<JsonNode> created = http.postForEntity("/api/listings", body, JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asText();
    }

    private ResponseEntity<JsonNode> publish(Map<String, Object> body) {
        return http.postForEntity("/api/catalog/list-types", body, JsonNode.class);
    }

    private static Map<String, Object> listType(String code, String department, String kind, String validity) {
        return new HashMap<>(Map.of("code", code, "department", department, "name", "测试名单" + code, "kind", kind,
                "domain", "market-regulation", "basis", "《测试管理办法》", "defaultValidity", validity,
                "repairMode", "RECTIFICATION_NOTED"));
    }

    private static String newCode() {
        return "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
