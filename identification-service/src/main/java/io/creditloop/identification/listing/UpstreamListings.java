package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ListKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The listings made upstream, as far as the cross-checks need them (R4, R5, R13). */
@Repository
public class UpstreamListings {

    private static final RowMapper<UpstreamListing> ROW = (rs, n) -> new UpstreamListing(rs.getString("platform"),
            rs.getString("upstream_id"), rs.getString("list_name"), ListKind.valueOf(rs.getString("kind")),
            rs.getBoolean("in_force"), rs.getString("subject_key"),
            rs.getObject("valid_until", java.time.LocalDate.class));

    private final JdbcClient jdbc;

    public UpstreamListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the record's revision unless a later one is stored already; false for a stale or repeated revision. */
    public boolean store(UpstreamListing l, long revision, Instant receivedAt) {
        return jdbc.sql("""
                        INSERT INTO upstream_listing (platform, upstream_id, revision, list_name, kind, in_force,
                            subject_key, valid_until, received_at)
                        VALUES (:platform, :upstreamId, :revision, :listName, :kind, :inForce, :subjectKey,
                            :validUntil, :receivedAt)
                        ON CONFLICT (platform, upstream_id) DO UPDATE SET revision = EXCLUDED.revision,
                            list_name = EXCLUDED.list_name, kind = EXCLUDED.kind, in_force = EXCLUDED.in_force,
                            subject_key = EXCLUDED.subject_key, valid_until = EXCLUDED.valid_until,
                            received_at = EXCLUDED.received_at
                        WHERE upstream_listing.revision < EXCLUDED.revision""")
                .param("platform", l.platform())
                .param("upstreamId", l.upstreamId())
                .param("revision", revision)
                .param("listName", l.listName())
                .param("kind", l.kind().name())
                .param("inForce", l.inForce())
                .param("subjectKey", l.subjectKey())
                .param("validUntil", l.validUntil())
                .param("receivedAt", Timestamp.from(receivedAt))
                .update() == 1;
    }

    /** The subject's upstream listings the source has not removed. */
    public List<UpstreamListing> inForceFor(String subjectKey) {
        return jdbc.sql("SELECT * FROM upstream_listing WHERE subject_key = :key AND in_force")
                .param("key", subjectKey).query(ROW).list();
    }

    /** Which of these subjects have an upstream listing the source has not removed. */
    public Set<String> subjectsListed(Collection<String> subjectKeys) {
        if (subjectKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT subject_key FROM upstream_listing
                        WHERE in_force AND subject_key = ANY(CAST(:keys AS text[]))""")
                .param("keys", subjectKeys.toArray(String[]::new))
                .query(String.class)
                .list());
    }
}
