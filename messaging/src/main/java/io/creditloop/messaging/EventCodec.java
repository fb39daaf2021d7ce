package io.creditloop.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * JSON (CloudEvents structured mode) for envelopes. An event of a type this build knows is checked against its
 * published JSON Schema (contracts, {@code /schemas/<type>.json}) and its data mapped onto the contract record, so
 * no consumer has to check required fields by hand; data of an unknown type (a newer version published beside the
 * one we read) stays a {@link JsonNode} so the consumer can skip it instead of failing.
 */
public class EventCodec {

    /**
     * Issue 9: how many decoded events are kept. A service's consumer groups on one topic (sanction has three for
     * listing events, sharing two) read the same records at about the same time; the parse, the text and schema
     * checks and the mapping were a fifth of such a service's CPU in the loop benchmark, done once per group. Kept:
     * events whose data is a contract record (immutable, so every consumer may be handed the same one), keyed by
     * their whole text, so only an identical record is answered from here. A group that reads a record while
     * another is still decoding it decodes it too: the profile of 2026-12-04 shows that groups fed by one fetch do
     * so most of the time, so this spares the work only for a group that trails the others; waiting for the other
     * decoding instead was tried and reverted (a group then stalls whenever the decoding thread is descheduled).
     */
    static final int DECODED_KEPT = 1024;

    private final ObjectMapper json;
    private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();
    private final Map<String, Envelope<Object>> decoded = Collections.synchronizedMap(
            new LinkedHashMap<>(DECODED_KEPT * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Envelope<Object>> eldest) {
                    return size() > DECODED_KEPT;
                }
            });

    public EventCodec() {
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public String encode(Envelope<?> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + envelope.type(), e);
        }
    }

    /**
     * The event a text carries, checked and mapped; the same text decoded again (another consumer group of this
     * service) is answered with the same envelope, see {@link #DECODED_KEPT}.
     *
     * @throws PoisonMessageException if the text is not a valid envelope or its data does not fit its type
     */
    public Envelope<Object> decode(String text) {
        if (text == null || text.isBlank()) {
            throw new PoisonMessageException("empty message");
        }
        Envelope<Object> known = decoded.get(text);
        if (known != null) {
            return known;
        }
        Envelope<Object> envelope = parse(text);
        if (!(envelope.data() instanceof JsonNode)) {
            decoded.put(text, envelope); // a contract record: immutable; unknown types stay a (mutable) JsonNode
        }
        return envelope;
    }

    private Envelope<Object> parse(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            // the parser's message quotes the offending text, which may be personal data: name the place only
            throw new PoisonMessageException("not JSON (at " + location(e) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new PoisonMessageException("not a JSON object");
        }
        checkTexts(root);
        String id = required(root, "id");
        String source = required(root, "source");
        String type = required(root, "type");
        Instant time;
        try {
            time = Instant.parse(required(root, "time"));
        } catch (RuntimeException e) {
            throw new PoisonMessageException("time is not an RFC 3339 instant", e);
        }
        JsonNode dataNode = root.get("data");
        if (dataNode == null || !dataNode.isObject()) {
            throw new PoisonMessageException("data missing or not an object in " + type + " " + id);
        }
        Object data = dataNode;
        Optional<Class<?>> dataClass = EventTypes.dataClass(type);
        if (dataClass.isPresent()) {
            checkSchema(type, id, root);
            try {
                data = json.treeToValue(dataNode, dataClass.get());
            } catch (JsonMappingException e) {
                throw new PoisonMessageException("data does not fit " + type + " at field '" + path(e) + "'");
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new PoisonMessageException("data does not fit " + type);
            }
        }
        return new Envelope<>(text(root, "specversion"), id, source, type, time, text(root, "subject"),
                text(root, "datacontenttype"), data);
    }

    /** The longest text value a message may carry (a reason, a note): more is an attack or a mistake, not data. */
    static final int MAX_TEXT = 10_000;

    /**
     * Issue 9, hostile input: no text value over {@value #MAX_TEXT} characters and no control character other than
     * tab, line feed and carriage return (a NUL cannot even be stored in PostgreSQL text); names the place only.
     */
    private static void checkTexts(JsonNode root) {
        Deque<Object> path = new ArrayDeque<>(); // field names and indexes: the place is spelt out only on a refusal
        checkTexts(root, path);
    }

    private static void checkTexts(JsonNode node, Deque<Object> path) {
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.length() > MAX_TEXT) {
                throw new PoisonMessageException("a text of " + text.length() + " characters at " + place(path)
                        + ", over the " + MAX_TEXT + " a message may carry");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    throw new PoisonMessageException("a control character (U+" + String.format("%04X", (int) c)
                            + ") at " + place(path));
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                path.addLast(field.getKey());
                checkTexts(field.getValue(), path);
                path.removeLast();
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.addLast(i);
                checkTexts(node.get(i), path);
                path.removeLast();
            }
        }
    }

    private static String place(Deque<Object> path) {
        StringBuilder place = new StringBuilder();
        path.forEach(step -> place.append('/').append(step));
        return place.toString();
    }

    /** Data of a REST request or a stored row, in the same JSON dialect as events. */
    public ObjectMapper objectMapper() {
        return json;
    }

    /** Names the failing places only: a message may carry personal data, which must not reach a DLT header. */
    private void checkSchema(String type, String id, JsonNode root) {
        Optional<JsonSchema> schema = schemas.computeIfAbsent(type, EventCodec::loadSchema);
        if (schema.isEmpty()) {
            return;
        }
        Set<ValidationMessage> errors = schema.get().validate(root);
        if (!errors.isEmpty()) {
            String places = errors.stream()
                    .map(m -> m.getInstanceLocation() + (m.getProperty() == null ? "" : "." + m.getProperty())
                            + " (" + m.getType() + ")")
                    .sorted().distinct().limit(8).collect(Collectors.joining(", "));
            throw new PoisonMessageException(type + " " + id + " does not match its schema at " + places);
        }
    }

    private static Optional<JsonSchema> loadSchema(String type) {
        try (InputStream in = EventCodec.class.getResourceAsStream("/schemas/" + type + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema of " + type, e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "unknown position"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "?" : path.toString();
    }

    private static String required(JsonNode root, String field) {
        String value = text(root, field);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("envelope field '" + field + "' missing");
        }
        return value;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
