package io.creditloop.publication.release;

import io.creditloop.publication.board.BoardEntry;
import io.creditloop.publication.board.Page;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Releases and their frozen entries (tables {@code board_release}, {@code board_release_entry}). */
@Repository
public class Releases {

    /** The advisory lock key of release makers ("release" in ASCII): one scheduled release per due date. */
    private static final long MAKERS = 0x72656c65617365L;

    private static final String COLUMNS = """
            listing_id, version, list_kind, list_type_code, list_type_name, subject_type, subject_name, uscc,
            id_number_masked, reason, recognising_department, basis, recognition_date, valid_from, valid_until,
            published_at, rectification_note""";

    private final JdbcClient jdbc;

    public Releases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void lockForMaking() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", MAKERS).query(rs -> {
        });
    }

    /**
     * Copies what is on the board at {@code cutOff} — published, in its validity that day, confirmed before the day
     * ended — into a new release; returns its number.
     *
     * @param department {@code null} for every department
     * @param cutOffEnd  the first instant after the cut-off day
     */
    public long create(ReleaseKind kind, String department, LocalDate cutOff, Instant cutOffEnd, Instant now) {
        long no = jdbc.sql("""
                        INSERT INTO board_release (kind, department, cut_off, created_at, entry_count)
                        VALUES (:kind, :department, :cutOff, :now, 0) RETURNING release_no""")
                .param("kind", kind.name())
                .param("department", department)
                .param("cutOff", cutOff)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        int copied = jdbc.sql("INSERT INTO board_release_entry (release_no, " + COLUMNS + ") SELECT :no, " + COLUMNS
                        + """
                         FROM board_entry
                        WHERE published AND valid_from <= :cutOff AND (valid_until IS NULL OR valid_until >= :cutOff)
                          AND published_at < :cutOffEnd
                          AND (CAST(:department AS TEXT) IS NULL OR recognising_department = :department)""")
                .param("no", no)
                .param("cutOff", cutOff)
                .param("cutOffEnd", cutOffEnd.atOffset(ZoneOffset.UTC))
                .param("department", department)
                .update();
        jdbc.sql("UPDATE board_release SET entry_count = :n WHERE release_no = :no")
                .param("n", copied)
                .param("no", no)
                .update();
        return no;
    }

    public Optional<Release> find(long no) {
        return jdbc.sql("SELECT * FROM board_release WHERE release_no = :no")
                .param("no", no)
                .query((rs, row) -> release(rs, counts(rs.getLong("release_no"))))
                .optional();
    }

    /** Newest first. */
    public Page<Release> page(int page, int size) {
        List<Release> items = jdbc.sql("SELECT * FROM board_release ORDER BY release_no DESC LIMIT :limit OFFSET :offset")
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> release(rs, List.of()))
                .list()
                .stream()
                .map(r -> new Release(r.no(), r.kind(), r.department(), r.cutOff(), r.createdAt(), r.entryCount(),
                        counts(r.no())))
                .toList();
        long total = jdbc.sql("SELECT count(*) FROM board_release").query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    /** The cut-off of the last unified release, if any. */
    public Optional<LocalDate> lastUnifiedCutOff() {
        return jdbc.sql("SELECT max(cut_off) FROM board_release WHERE kind = 'UNIFIED'")
                .query((rs, row) -> rs.getObject(1, LocalDate.class))
                .optional();
    }

    /** A page of the release's entries, in the board's order. */
    public Page<BoardEntry> entries(long no, int page, int size, int total) {
        List<BoardEntry> items = jdbc.sql("SELECT * FROM board_release_entry WHERE release_no = :no"
                        + " ORDER BY published_at DESC, listing_id LIMIT :limit OFFSET :offset")
                .param("no", no)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(Releases::entry)
                .list();
        return new Page<>(items, page, size, total);
    }

    /** Every entry of the release, by department, kind and listing id (the printed order). */
    public void forEachEntry(long no, Consumer<BoardEntry> sink) {
        jdbc.sql("SELECT * FROM board_release_entry WHERE release_no = :no"
                        + " ORDER BY recognising_department, list_kind, published_at, listing_id")
                .param("no", no)
                .query(rs -> {
                    sink.accept(entry(rs, 0));
                });
    }

    private List<Release.DepartmentCount> counts(long no) {
        return jdbc.sql("""
                        SELECT recognising_department,
                               count(*) FILTER (WHERE list_kind = 'RED') AS red,
                               count(*) FILTER (WHERE list_kind = 'BLACK') AS black,
                               count(*) FILTER (WHERE list_kind = 'GRAY') AS gray
                          FROM board_release_entry WHERE release_no = :no
                         GROUP BY recognising_department ORDER BY recognising_department""")
                .param("no", no)
                .query((rs, row) -> new Release.DepartmentCount(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4)))
                .list();
    }

    private static Release release(ResultSet rs, List<Release.DepartmentCount> counts) throws SQLException {
        return new Release(rs.getLong("release_no"), ReleaseKind.valueOf(rs.getString("kind")),
                rs.getString("department"), rs.getObject("cut_off", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("entry_count"), counts);
    }

    private static BoardEntry entry(ResultSet rs, int row) throws SQLException {
        return new BoardEntry(
                rs.getObject("listing_id", UUID.class),
                rs.getLong("version"),
                ListKind.valueOf(rs.getString("list_kind")),
                rs.getString("list_type_code"),
                rs.getString("list_type_name"),
                SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_name"),
                rs.getString("uscc"),
                rs.getString("id_number_masked"),
                rs.getString("reason"),
                rs.getString("recognising_department"),
                rs.getString("basis"),
                rs.getObject("recognition_date", LocalDate.class),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getString("rectification_note"));
    }
}
