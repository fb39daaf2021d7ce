package io.creditloop.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@link PayloadProtection} by field: every text value of a field with one of the given names, at any depth of the
 * JSON, is replaced by {@code seal}'s result when stored and by {@code open}'s when read. Other fields, their order
 * and the JSON's shape stay as they were, so a stored event can still be queried by its other fields.
 */
public final class JsonFieldProtection implements PayloadProtection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> fields;
    private final UnaryOperator<String> seal;
    private final UnaryOperator<String> open;

    public JsonFieldProtection(Set<String> fields, UnaryOperator<String> seal, UnaryOperator<String> open) {
        this.fields = Set.copyOf(fields);
        this.seal = seal;
        this.open = open;
    }

    @Override
    public String seal(String json) {
        return apply(json, seal);
    }

    @Override
    public String open(String stored) {
        return apply(stored, open);
    }

    private String apply(String json, UnaryOperator<String> change) {
        if (json == null || fields.stream().noneMatch(field -> json.contains("\"" + field + "\""))) {
            return json;
        }
        try {
            JsonNode root = JSON.readTree(json);
            return walk(root, change) ? JSON.writeValueAsString(root) : json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event payload is not JSON", e);
        }
    }

    private boolean walk(JsonNode node, UnaryOperator<String> change) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            object.fields().forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> entry : entries) {
                JsonNode value = entry.getValue();
                if (fields.contains(entry.getKey()) && value.isTextual()) {
                    String after = change.apply(value.asText());
                    if (!after.equals(value.asText())) {
                        object.put(entry.getKey(), after);
                        changed = true;
                    }
                } else {
                    changed |= walk(value, change);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                changed |= walk(element, change);
            }
        }
        return changed;
    }
}
