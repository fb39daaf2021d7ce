package io.creditloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Issue 9, bad input for every HTTP entry point: from one valid request body, the broken and hostile variants a
 * careless or malicious client sends. Each must get a 4xx (or be accepted as plain data), never a 5xx.
 */
final class HostileInput {

    static final String INJECTION = "'; DROP TABLE listing; -- <script>alert(1)</script> ${jndi:ldap://x/a} %00 ../../";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileInput() {
    }

    /** Variant name → body bytes, for a JSON body. */
    static Map<String, byte[]> bodies(String validJson) {
        Map<String, byte[]> variants = new LinkedHashMap<>();
        variants.put("truncated JSON", utf8("{\"a\":"));
        variants.put("an array for an object", utf8("[]"));
        variants.put("a JSON string", utf8("\"text\""));
        variants.put("5000 nested arrays", utf8("{\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
        JsonNode valid = parse(validJson);
        if (valid != null && valid.isObject() && !valid.isEmpty()) {
            variants.put("every value an object", utf8(map(valid, value -> JSON.createObjectNode().set("x",
                    JSON.createArrayNode().add(1)))));
            variants.put("every text 100000 characters", utf8(map(valid, value -> value.isTextual()
                    ? TextNode.valueOf("长".repeat(100_000)) : value)));
            variants.put("every text an injection", utf8(map(valid, value -> value.isTextual()
                    ? TextNode.valueOf(INJECTION) : value)));
            variants.put("a NUL in every text", utf8(map(valid, value -> value.isTextual()
                    ? TextNode.valueOf(value.asText() + "\u0000") : value)));
            variants.put("every number huge", utf8(map(valid, value -> value.isNumber()
                    ? JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1e400")) : value)));
        }
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        variants.put("bytes that are not UTF-8", latin1);
        return variants;
    }

    /** Variant name → query string to append, for any request. */
    static Map<String, String> queries() {
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("injection in every usual parameter", "q=%27%20OR%201%3D1--&uscc=%27%3B--&idNumber=%3Cscript%3E"
                + "&department=..%2F..&listType=%00&purpose=%24%7Bjndi%3Aldap%3A%2F%2Fx%7D");
        variants.put("impossible paging", "page=-1&size=2147483647&limit=-5&after=-9");
        variants.put("dates that are not dates", "from=yesterday&to=2026-13-45&date=0");
        variants.put("a 20000-character value", "q=" + "a".repeat(20_000));
        return variants;
    }

    private static String map(JsonNode node, Function<JsonNode, JsonNode> change) {
        return walk(node.deepCopy(), change).toString();
    }

    private static JsonNode walk(JsonNode node, Function<JsonNode, JsonNode> change) {
        if (node instanceof ObjectNode object) {
            var names = new java.util.ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                object.set(name, value.isContainerNode() ? walk(value, change) : change.apply(value));
            }
            return object;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = node.get(i);
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i,
                        value.isContainerNode() ? walk(value, change) : change.apply(value));
            }
        }
        return node;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return null;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
