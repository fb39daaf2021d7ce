package io.creditloop.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One simulated upstream platform: idempotent on the Idempotency-Key, faults set at runtime. Thread-safe. */
final class SimulatedPlatform {

    /** A record the platform accepted. */
    record Received(String acknowledgement, String idempotencyKey, JsonNode record, Instant receivedAt) {
    }

    enum Result { ACCEPTED, REPLAYED, REJECTED, DOWN }

    record Outcome(Result result, String acknowledgement, String reason) {
    }

    private final String code;
    private final Map<String, Received> byKey = new LinkedHashMap<>();
    private long sequence;
    private volatile Behaviour behaviour = Behaviour.NORMAL;

    SimulatedPlatform(String code) {
        this.code = code;
    }

    synchronized Outcome receive(String idempotencyKey, JsonNode record, Instant now) {
        if (behaviour.downAt(now)) {
            return new Outcome(Result.DOWN, null, "platform " + code + " is down until " + behaviour.downUntil());
        }
        Received earlier = byKey.get(idempotencyKey);
        if (earlier != null) {
            // the same key with another body is a client error (IETF Idempotency-Key draft), not a replay
            return earlier.record().equals(record)
                    ? new Outcome(Result.REPLAYED, earlier.acknowledgement(), null)
                    : new Outcome(Result.REJECTED, null, "Idempotency-Key " + idempotencyKey
                            + " was already used for a different record");
        }
        String reason = behaviour.rejectionOf(record).orElse(null);
        if (reason != null) {
            return new Outcome(Result.REJECTED, null, reason);
        }
        String acknowledgement = code.toUpperCase(Locale.ROOT) + "-" + ++sequence;
        byKey.put(idempotencyKey, new Received(acknowledgement, idempotencyKey, record, now));
        return new Outcome(Result.ACCEPTED, acknowledgement, null);
    }

    synchronized List<Received> received() {
        return new ArrayList<>(byKey.values());
    }

    Behaviour behaviour() {
        return behaviour;
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }
}
