package io.creditloop.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Faults of a simulated platform, switched at runtime.
 *
 * @param downUntil               answers 503 until then; {@code null}: up
 * @param delayMillis             every answer comes this late (0 to 60 000 ms)
 * @param rejectWhenFieldContains answers 422 for a new record whose field contains a text; {@code null}: accept all
 * @param downFor                 answers 503 for this long from when the behaviour is set (ISO-8601, e.g.
 *                                {@code PT10M}); turned into {@code downUntil} then
 * @param rejectEveryNth          answers 422 for every Nth new record (counted per platform); 0: none
 */
public record Behaviour(Instant downUntil, long delayMillis, RejectRule rejectWhenFieldContains, Duration downFor,
                        int rejectEveryNth) {

    public static final Behaviour NORMAL = new Behaviour(null, 0, null, null, 0);
    static final long MAX_DELAY_MILLIS = 60_000;

    public Behaviour {
        if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("delayMillis must be 0.." + MAX_DELAY_MILLIS + ": " + delayMillis);
        }
        if (downFor != null && downFor.isNegative()) {
            throw new IllegalArgumentException("downFor must not be negative: " + downFor);
        }
        if (rejectEveryNth < 0) {
            throw new IllegalArgumentException("rejectEveryNth must be 0 or more: " + rejectEveryNth);
        }
    }

    public Behaviour(Instant downUntil, long delayMillis, RejectRule rejectWhenFieldContains) {
        this(downUntil, delayMillis, rejectWhenFieldContains, null, 0);
    }

    /** {@code downFor} counted from {@code now}, into {@code downUntil} (the later of the two if both are given). */
    Behaviour from(Instant now) {
        if (downFor == null) {
            return this;
        }
        Instant until = now.plus(downFor);
        return new Behaviour(downUntil != null && downUntil.isAfter(until) ? downUntil : until, delayMillis,
                rejectWhenFieldContains, null, rejectEveryNth);
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

    /** The platform's reason to refuse the {@code n}th new record, if a rule matches it. */
    Optional<String> rejectionOf(JsonNode record, long n) {
        if (rejectEveryNth > 0 && n % rejectEveryNth == 0) {
            return Optional.of("第 " + n + " 条记录未通过数据质量校验（模拟：每 " + rejectEveryNth + " 条拒收一条），不予接收");
        }
        return rejectionOf(record);
    }

    /** The platform's reason to refuse {@code record}, if the field rule matches it. */
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
