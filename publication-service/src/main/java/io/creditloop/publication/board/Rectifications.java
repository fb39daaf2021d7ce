package io.creditloop.publication.board;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** R12 (b): the rectification noted for each listing (table {@code rectification}), masked. */
@Repository
public class Rectifications {

    private final JdbcClient jdbc;

    public Rectifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if the listing already had one (a decision delivered again) */
    public boolean add(UUID listingId, UUID decisionId, String note, Instant at) {
        return jdbc.sql("""
                        INSERT INTO rectification (listing_id, decision_id, note, noted_at)
                        VALUES (:listingId, :decisionId, :note, :at) ON CONFLICT (listing_id) DO NOTHING""")
                .param("listingId", listingId).param("decisionId", decisionId).param("note", note)
                .param("at", java.sql.Timestamp.from(at)).update() == 1;
    }

    /** {@link #note} of many listings in one query; a listing without a note is not in the map. */
    public java.util.Map<UUID, String> notes(java.util.Collection<UUID> listingIds) {
        java.util.Map<UUID, String> notes = new java.util.HashMap<>();
        if (!listingIds.isEmpty()) {
            jdbc.sql("SELECT listing_id, note FROM rectification WHERE listing_id = ANY(CAST(:ids AS uuid[]))")
                    .param("ids", listingIds.stream().map(UUID::toString).toArray(String[]::new))
                    .query(rs -> {
                        notes.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return notes;
    }

    public Optional<String> note(UUID listingId) {
        return jdbc.sql("SELECT note FROM rectification WHERE listing_id = :id").param("id", listingId)
                .query(String.class).optional();
    }
}
