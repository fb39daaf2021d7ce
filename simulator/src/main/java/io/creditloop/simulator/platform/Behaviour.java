package io.creditloop.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;

/**
 * Faults of a simulated platform, switched at runtime.
 *
 * @param downUntil               answers 503 until then; {@code null}: up
 * @param delayMillis             every answer comes this late (0 to 60 000 ms)
 * @param rejectWhenFieldContains answers 422 for a new record whose field contains a text; {@code null}: accept all
 */
public record Behaviour(Instant downUntil, long delayMillis, RejectRule rejectWhenFieldContains) {

    public static final Behaviour NORMAL = new Behaviour(null, 0, null);
    static final long MAX_DELAY_MILLIS = 60_000;

    public Behaviour {
        if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("delayMillis must be 0.." + MAX_DELAY_MILLIS + ": " + delayMillis);
        }
    }

    /**
     * @param field a top-level field of the record or a dotted path into it, e.g. {@code record.basis}
     * @param value the text that makes the platform refuse the record
     */
    public record RejectRule(String field, String value) {
        public RejectRule {
            if (field == null || field.isBlank() || value == null || value.isEmpty()) {
                throw new IllegalArgumentException("rejectWhenFieldContains needs a field and a value");
            }
        }
    }

    boolean downAt(Instant now) {
        return downUntil != null && now.isBefore(downUntil);
    }

    /** The platform's reason to refuse {@code record}, if the rule matches it. */
    Optional<String> rejectionOf(JsonNode record) {
        if (rejectWhenFieldContains == null) {
            return Optional.empty();
        }
        JsonNode node = record;
        for (String part : rejectWhenFieldContains.field().split("\\.")) {
            node = node.path(part);
        }
        if (node.isValueNode() && node.asText().contains(rejectWhenFieldContains.value())) {
            return Optional.of("字段 " + rejectWhenFieldContains.field() + " 含有“" + rejectWhenFieldContains.value()
                    + "”，不符合报送规范，不予接收");
        }
        return Optional.empty();
    }
}
