package io.creditloop.publication.board;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The board's revision log as the search index reads it (tables {@code board_entry} and {@code board_entry_removal},
 * migration V4): the whole board at one revision, and every change after a revision, in revision order. Rows are
 * streamed (a fetch size), so a board of millions of entries loads in bounded memory.
 */
@Repository
public class BoardRevisions {

    /** Every column a {@link BoardEntry} has (what the board shows), the revision and whether it is published. */
    private static final String ENTRY_COLUMNS = """
            listing_id, revision, published, version, list_kind, list_type_code, list_type_name, subject_type,
            subject_name, uscc, id_number_masked, reason, recognising_department, basis, recognition_date, valid_from,
            valid_until, published_at, rectification_note""";
    /** A removal in the columns of {@link #ENTRY_COLUMNS}. */
    private static final String REMOVAL_COLUMNS = """
            listing_id, revision, false, NULL::bigint, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL::date, NULL::date, NULL::date, NULL::timestamptz, NULL""";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public BoardRevisions(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(10_000);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** A change of the board after a revision: the entry as it now is, or {@code null} when it left the board. */
    public record Change(long revision, UUID listingId, BoardEntry entry) {
    }

    /**
     * Every published entry, oldest publication first (the index's document order), read in one snapshot; returns
     * the revision that snapshot is at.
     */
    public long load(Consumer<BoardEntry> sink) {
        Long revision = snapshot.execute(status -> {
            long at = jdbc.getJdbcTemplate().queryForObject("""
                    SELECT greatest(coalesce((SELECT max(revision) FROM board_entry), 0),
                                    coalesce((SELECT max(revision) FROM board_entry_removal), 0))""", Long.class);
            jdbc.getJdbcTemplate().query("SELECT " + ENTRY_COLUMNS
                            + " FROM board_entry WHERE published ORDER BY published_at, listing_id DESC",
                    rs -> {
                        sink.accept(BoardEntries.entry(rs, 0));
                    });
            return at;
        });
        return revision == null ? 0 : revision;
    }

    /** The changes after {@code revision}, in revision order; returns the last revision seen. */
    public long changesSince(long revision, Consumer<Change> sink) {
        long[] last = {revision};
        jdbc.query("SELECT " + ENTRY_COLUMNS + ", true AS present FROM board_entry WHERE revision > :revision "
                        + "UNION ALL SELECT " + REMOVAL_COLUMNS + ", false FROM board_entry_removal "
                        + "WHERE revision > :revision ORDER BY revision",
                new MapSqlParameterSource("revision", revision),
                rs -> {
                    long at = rs.getLong("revision");
                    UUID listingId = rs.getObject("listing_id", UUID.class);
                    boolean onBoard = rs.getBoolean("present") && rs.getBoolean("published");
                    sink.accept(new Change(at, listingId, onBoard ? BoardEntries.entry(rs, 0) : null));
                    last[0] = Math.max(last[0], at);
                });
        return last[0];
    }

    /** Published listings whose USCC is {@code code} or whose person has the ID-number key {@code idNumberKey}. */
    public List<UUID> listingsWithCode(String code, String idNumberKey) {
        return jdbc.queryForList("""
                        SELECT listing_id FROM board_entry
                        WHERE published AND (uscc = :code OR id_number_key = :idNumberKey)""",
                new MapSqlParameterSource("code", code).addValue("idNumberKey", idNumberKey), UUID.class);
    }

    /** Forgets removals older than {@code age}: every running index has read them long before. */
    public int pruneRemovals(Duration age) {
        return jdbc.update("DELETE FROM board_entry_removal WHERE removed_at < now() - make_interval(secs => :secs)",
                new MapSqlParameterSource("secs", (double) age.toSeconds()));
    }
}
