package io.creditloop.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per consumer, the highest version of each aggregate (listing) it has applied. Duplicates and reordering are
 * normal on Kafka: an event whose version is not above the applied one is stale and must change nothing.
 */
public class AppliedVersions {

    /** One event's aggregate and version, for {@link #advanceAll}. */
    public record Versioned(String aggregateId, long version) {
    }

    private final JdbcClient jdbc;

    public AppliedVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code version} and returns true if it is newer than what this consumer applied; else false. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean advance(String consumer, String aggregateId, long version) {
        return jdbc.sql("""
                        INSERT INTO applied_version (consumer, aggregate_id, version)
                        VALUES (:consumer, :aggregate, :version)
                        ON CONFLICT (consumer, aggregate_id) DO UPDATE SET version = EXCLUDED.version
                        WHERE applied_version.version < EXCLUDED.version""")
                .param("consumer", consumer)
                .param("aggregate", aggregateId)
                .param("version", version)
                .update() == 1;
    }

    /**
     * {@link #advance} for each of {@code events} in their order, with two or three statements for all of them
     * (issue 9: a poll's batch): element i is true if event i's version is newer than the one applied before it,
     * counting the events before it in the list, exactly as calling {@link #advance} for each in turn would say.
     * The rows already there are locked first; a row another transaction inserted meanwhile fails this call (the
     * caller's batch is then rolled back and handled one by one).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Boolean> advanceAll(String consumer, List<Versioned> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String[] ids = events.stream().map(Versioned::aggregateId).distinct().toArray(String[]::new);
        Map<String, Long> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT aggregate_id, version FROM applied_version
                        WHERE consumer = :consumer AND aggregate_id = ANY(CAST(:ids AS text[])) FOR UPDATE""")
                .param("consumer", consumer)
                .param("ids", ids)
                .query(rs -> {
                    stored.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> applied = new HashMap<>(stored);
        Map<String, Long> advanced = new LinkedHashMap<>();
        List<Boolean> fresh = new ArrayList<>(events.size());
        for (Versioned event : events) {
            Long before = applied.get(event.aggregateId());
            boolean newer = before == null || before < event.version();
            if (newer) {
                applied.put(event.aggregateId(), event.version());
                advanced.put(event.aggregateId(), event.version());
            }
            fresh.add(newer);
        }
        List<String> updateIds = new ArrayList<>();
        List<Long> updateVersions = new ArrayList<>();
        List<String> insertIds = new ArrayList<>();
        List<Long> insertVersions = new ArrayList<>();
        advanced.forEach((id, version) -> {
            (stored.containsKey(id) ? updateIds : insertIds).add(id);
            (stored.containsKey(id) ? updateVersions : insertVersions).add(version);
        });
        if (!updateIds.isEmpty()) {
            // locked above: nobody changed them since
            jdbc.sql("""
                            UPDATE applied_version SET version = v.version
                            FROM unnest(CAST(:ids AS text[]), CAST(:versions AS bigint[])) AS v(aggregate_id, version)
                            WHERE applied_version.consumer = :consumer
                              AND applied_version.aggregate_id = v.aggregate_id""")
                    .param("consumer", consumer)
                    .param("ids", updateIds.toArray(String[]::new))
                    .param("versions", updateVersions.toArray(Long[]::new))
                    .update();
        }
        if (!insertIds.isEmpty()) {
            int inserted = jdbc.sql("""
                            INSERT INTO applied_version (consumer, aggregate_id, version)
                            SELECT :consumer, v.aggregate_id, v.version
                            FROM unnest(CAST(:ids AS text[]), CAST(:versions AS bigint[])) AS v(aggregate_id, version)
                            ON CONFLICT (consumer, aggregate_id) DO NOTHING""")
                    .param("consumer", consumer)
                    .param("ids", insertIds.toArray(String[]::new))
                    .param("versions", insertVersions.toArray(Long[]::new))
                    .update();
            if (inserted != insertIds.size()) {
                throw new IllegalStateException(consumer + ": " + (insertIds.size() - inserted)
                        + " applied version(s) were recorded by another transaction meanwhile; handle one by one");
            }
        }
        return fresh;
    }
}
