package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The board's entries (table {@code board_entry}). */
@Repository
public class BoardEntries {

    /** R7: published, and today inside the validity. */
    private static final String ON_BOARD = """
            published AND valid_from <= :today AND (valid_until IS NULL OR valid_until >= :today)""";

    private static final String MATCHES = ON_BOARD + """
             AND (CAST(:kind AS TEXT) IS NULL OR list_kind = CAST(:kind AS TEXT))
             AND (CAST(:text AS TEXT) IS NULL
                  OR strpos(lower(subject_name), lower(CAST(:text AS TEXT))) > 0
                  OR strpos(upper(coalesce(uscc, '')), upper(CAST(:text AS TEXT))) > 0)""";

    private final JdbcClient jdbc;

    public BoardEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the entry or replaces the listing's entry; a replaced entry keeps its first publication time. */
    public void save(BoardEntry entry, boolean published) {
        jdbc.sql("""
                        INSERT INTO board_entry (listing_id, version, list_kind, list_type_code, list_type_name,
                            subject_type, subject_name, uscc, id_number_masked, reason, recognising_department, basis,
                            recognition_date, valid_from, valid_until, published, published_at)
                        VALUES (:listingId, :version, :listKind, :listTypeCode, :listTypeName, :subjectType,
                            :subjectName, :uscc, :idNumberMasked, :reason, :department, :basis, :recognitionDate,
                            :validFrom, :validUntil, :published, :publishedAt)
                        ON CONFLICT (listing_id) DO UPDATE SET
                            version = EXCLUDED.version, list_kind = EXCLUDED.list_kind,
                            list_type_code = EXCLUDED.list_type_code, list_type_name = EXCLUDED.list_type_name,
                            subject_type = EXCLUDED.subject_type, subject_name = EXCLUDED.subject_name,
                            uscc = EXCLUDED.uscc, id_number_masked = EXCLUDED.id_number_masked,
                            reason = EXCLUDED.reason, recognising_department = EXCLUDED.recognising_department,
                            basis = EXCLUDED.basis, recognition_date = EXCLUDED.recognition_date,
                            valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until,
                            published = EXCLUDED.published""")
                .param("listingId", entry.listingId())
                .param("version", entry.version())
                .param("listKind", entry.listKind().name())
                .param("listTypeCode", entry.listTypeCode())
                .param("listTypeName", entry.listTypeName())
                .param("subjectType", entry.subjectType().name())
                .param("subjectName", entry.subjectName())
                .param("uscc", entry.uscc())
                .param("idNumberMasked", entry.maskedIdNumber())
                .param("reason", entry.reason())
                .param("department", entry.recognisingDepartment())
                .param("basis", entry.basis())
                .param("recognitionDate", entry.recognitionDate())
                .param("validFrom", entry.validFrom())
                .param("validUntil", entry.validUntil())
                .param("published", published)
                .param("publishedAt", entry.publishedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public void delete(UUID listingId) {
        jdbc.sql("DELETE FROM board_entry WHERE listing_id = :id").param("id", listingId).update();
    }

    /** The listing's entry if it is on the board {@code today}. */
    public Optional<BoardEntry> findOnBoard(UUID listingId, LocalDate today) {
        return jdbc.sql("SELECT * FROM board_entry WHERE listing_id = :id AND " + ON_BOARD)
                .param("id", listingId)
                .param("today", today)
                .query(BoardEntries::entry)
                .optional();
    }

    /** Entries on the board {@code today}, newest publication first, then by listing id: a stable order to page. */
    public Page<BoardEntry> search(BoardQuery query, LocalDate today) {
        String kind = query.kind() == null ? null : query.kind().name();
        List<BoardEntry> items = jdbc.sql("SELECT * FROM board_entry WHERE " + MATCHES
                        + " ORDER BY published_at DESC, listing_id LIMIT :limit OFFSET :offset")
                .param("today", today)
                .param("kind", kind)
                .param("text", query.text())
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(BoardEntries::entry)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM board_entry WHERE " + MATCHES)
                .param("today", today)
                .param("kind", kind)
                .param("text", query.text())
                .query(Long.class)
                .single();
        return new Page<>(items, query.page(), query.size(), total);
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
                rs.getObject("published_at", OffsetDateTime.class).toInstant());
    }
}
