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
    private long newRecords;
    private long replays;
    private long rejections;
    private long downAnswers;

    /** What the platform answered so far; {@code distinctRecords} counts each Idempotency-Key once. */
    record Stats(String platform, long distinctRecords, long replays, long rejections, long downAnswers) {
    }
    private volatile Behaviour behaviour = Behaviour.NORMAL;

    SimulatedPlatform(String code) {
        this.code = code;
    }

    synchronized Outcome receive(String idempotencyKey, JsonNode record, Instant now) {
        if (behaviour.downAt(now)) {
            downAnswers++;
            return new Outcome(Result.DOWN, null, "platform " + code + " is down until " + behaviour.downUntil());
        }
        Received earlier = byKey.get(idempotencyKey);
        if (earlier != null) {
            // the same key with another body is a client error (IETF Idempotency-Key draft), not a replay
            replays++;
            return earlier.record().equals(record)
                    ? new Outcome(Result.REPLAYED, earlier.acknowledgement(), null)
                    : new Outcome(Result.REJECTED, null, "Idempotency-Key " + idempotencyKey
                            + " was already used for a different record");
        }
        String reason = behaviour.rejectionOf(record, ++newRecords).orElse(null);
        if (reason != null) {
            rejections++;
            return new Outcome(Result.REJECTED, null, reason);
        }
        String acknowledgement = code.toUpperCase(Locale.ROOT) + "-" + ++sequence;
        byKey.put(idempotencyKey, new Received(acknowledgement, idempotencyKey, record, now));
        return new Outcome(Result.ACCEPTED, acknowledgement, null);
    }

    synchronized List<Received> received() {
        return new ArrayList<>(byKey.values());
    }

    synchronized Stats stats() {
        return new Stats(code, byKey.size(), replays, rejections, downAnswers);
    }

    Behaviour behaviour() {
        return behaviour;
    }

    /** @return the behaviour in force, with {@code downFor} turned into {@code downUntil} from {@code now} */
    Behaviour behave(Behaviour behaviour, Instant now) {
        this.behaviour = behaviour.from(now);
        return this.behaviour;
    }
}
