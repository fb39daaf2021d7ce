package io.creditloop.publication.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The delta feed's log (table {@code board_change}). Every writer first takes one transaction-scoped advisory lock,
 * so changes commit in cursor order and a mirror reading "after cursor n" never skips one that commits later.
 */
@Repository
public class BoardChanges {

    /** The advisory lock key of the feed's writers ("board" in ASCII). */
    private static final long WRITERS = 0x626f617264L;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final NamedParameterJdbcTemplate batches;

    public BoardChanges(JdbcClient jdbc, ObjectMapper json, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    /** Serialises the feed's writers until the caller's transaction ends; call before changing what it covers. */
    public void lockForWriting() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", WRITERS).query(rs -> {
        });
    }

    public void published(BoardEntry entry, Instant at) {
        append(entry.listingId(), BoardChange.Kind.PUBLISHED, entry, at);
    }

    /** A tombstone: the listing id only. */
    public void removed(UUID listingId, Instant at) {
        append(listingId, BoardChange.Kind.REMOVED, null, at);
    }

    public void announced(ExitAnnouncement announcement, Instant at) {
        append(announcement.listingId(), BoardChange.Kind.ANNOUNCED, announcement, at);
    }

    /** Up to {@code limit} changes after {@code cursor}, oldest first. */
    public List<BoardChange> after(long cursor, int limit) {
        return jdbc.sql("""
                        SELECT seq, listing_id, change, changed_at, payload::text AS payload FROM board_change
                        WHERE seq > :cursor ORDER BY seq LIMIT :limit""")
                .param("cursor", cursor)
                .param("limit", limit)
                .query(BoardChanges::change)
                .list();
    }

    /** The {@code limit} newest changes, newest first. */
    public List<BoardChange> latest(int limit) {
        return jdbc.sql("""
                        SELECT seq, listing_id, change, changed_at, payload::text AS payload FROM board_change
                        ORDER BY seq DESC LIMIT :limit""")
                .param("limit", limit)
                .query(BoardChanges::change)
                .list();
    }

    /** {@link #published} for many entries, in order, as one JDBC batch (issue 9). */
    public void publishedAll(List<BoardEntry> entries, Instant at) {
        if (entries.isEmpty()) {
            return;
        }
        batches.batchUpdate(APPEND, entries.stream().map(e -> new MapSqlParameterSource()
                .addValue("listingId", e.listingId())
                .addValue("change", BoardChange.Kind.PUBLISHED.name())
                .addValue("at", at.atOffset(ZoneOffset.UTC))
                .addValue("payload", write(e))).toArray(SqlParameterSource[]::new));
    }

    private static final String APPEND = """
            INSERT INTO board_change (listing_id, change, changed_at, payload)
            VALUES (:listingId, :change, :at, CAST(:payload AS JSONB))""";

    private void append(UUID listingId, BoardChange.Kind kind, Object payload, Instant at) {
        jdbc.sql("""
                        INSERT INTO board_change (listing_id, change, changed_at, payload)
                        VALUES (:listingId, :change, :at, CAST(:payload AS JSONB))""")
                .param("listingId", listingId)
                .param("change", kind.name())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("payload", payload == null ? null : write(payload))
                .update();
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a board change", e);
        }
    }

    private static BoardChange change(ResultSet rs, int row) throws SQLException {
        return new BoardChange(rs.getLong("seq"), rs.getObject("listing_id", UUID.class),
                BoardChange.Kind.valueOf(rs.getString("change")),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("payload"));
    }
}
