package io.creditloop.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per consumer, the highest version of each aggregate (listing) it has applied. Duplicates and reordering are
 * normal on Kafka: an event whose version is not above the applied one is stale and must change nothing.
 */
public class AppliedVersions {

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
}
