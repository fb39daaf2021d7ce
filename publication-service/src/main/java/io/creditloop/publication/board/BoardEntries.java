package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The board's entries (table {@code board_entry}). */
@Repository
public class BoardEntries {

    /** R7: published, and today inside the validity ({@link PublicWindow#shows}). */
    static final String ON_BOARD = """
            published AND valid_from <= :today AND (valid_until IS NULL OR valid_until >= :today)""";

    /** The stable order of the board: newest publication first, then by listing id. */
    private static final String ORDER = " ORDER BY published_at DESC, listing_id";

    private final JdbcClient jdbc;
    private final IdNumberKeys idNumberKeys;
    private final ApplicationEventPublisher events;
    private final NamedParameterJdbcTemplate batches;

    public BoardEntries(JdbcClient jdbc, IdNumberKeys idNumberKeys, ApplicationEventPublisher events,
                        NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.idNumberKeys = idNumberKeys;
        this.events = events;
    }

    /**
     * Inserts the entry or replaces the listing's entry; a replaced entry keeps its first publication time. Either
     * takes the board's next revision (the caller holds {@link BoardChanges#lockForWriting}).
     *
     * @param idNumberKey the keyed hash of a person's ID number ({@link IdNumberKeys}), else {@code null}
     * @param listed      whether the delta feed now says "on the board"
     * @return whether the delta feed said "on the board" before; empty for a new entry
     */
    public Optional<Boolean> save(BoardEntry entry, boolean published, String idNumberKey, boolean listed) {
        Optional<Boolean> before = jdbc.sql("SELECT listed FROM board_entry WHERE listing_id = :id FOR UPDATE")
                .param("id", entry.listingId())
                .query(Boolean.class)
                .optional();
        jdbc.sql(SAVE).paramSource(params(entry, published, idNumberKey, listed)).update();
        events.publishEvent(new BoardWritten());
        return before;
    }

    /** One entry to {@link #saveAll}, with what {@link #save} takes besides it. */
    public record Save(BoardEntry entry, boolean published, String idNumberKey, boolean listed) {
    }

    /**
     * {@link #save} for the entries of different listings (issue 9): their rows locked and read in one query, written
     * as one JDBC batch, in order (each takes the next revision). Element i is what {@link #save} would return for
     * entry i.
     */
    public List<Optional<Boolean>> saveAll(List<Save> saves) {
        if (saves.isEmpty()) {
            return List.of();
        }
        Map<UUID, Boolean> before = new HashMap<>();
        jdbc.sql("SELECT listing_id, listed FROM board_entry WHERE listing_id = ANY(CAST(:ids AS uuid[])) "
                        + "ORDER BY listing_id FOR UPDATE")
                .param("ids", saves.stream().map(s -> s.entry().listingId().toString()).toArray(String[]::new))
                .query(rs -> {
                    before.put(rs.getObject(1, UUID.class), rs.getBoolean(2));
                });
        batches.batchUpdate(SAVE, saves.stream().map(s -> params(s.entry(), s.published(), s.idNumberKey(),
                s.listed())).toArray(SqlParameterSource[]::new));
        events.publishEvent(new BoardWritten());
        return saves.stream().map(s -> Optional.ofNullable(before.get(s.entry().listingId()))).toList();
    }

    /** The entries of these listings on the board {@code today}, by listing id. */
    public Map<UUID, BoardEntry> findAllOnBoard(Collection<UUID> listingIds, LocalDate today) {
        Map<UUID, BoardEntry> found = new HashMap<>();
        if (listingIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT * FROM board_entry WHERE listing_id = ANY(CAST(:ids AS uuid[])) AND " + ON_BOARD)
                .param("ids", listingIds.stream().map(UUID::toString).toArray(String[]::new))
                .param("today", today)
                .query(BoardEntries::entry)
                .list()
                .forEach(e -> found.put(e.listingId(), e));
        return found;
    }

    private static final String SAVE = """
                        INSERT INTO board_entry (listing_id, version, list_kind, list_type_code, list_type_name,
                            subject_type, subject_name, uscc, id_number_masked, reason, recognising_department, basis,
                            recognition_date, valid_from, valid_until, published, published_at, id_number_key, listed,
                            rectification_note)
                        VALUES (:listingId, :version, :listKind, :listTypeCode, :listTypeName, :subjectType,
                            :subjectName, :uscc, :idNumberMasked, :reason, :department, :basis, :recognitionDate,
                            :validFrom, :validUntil, :published, :publishedAt, :idNumberKey, :listed,
                            :rectificationNote)
                        ON CONFLICT (listing_id) DO UPDATE SET
                            version = EXCLUDED.version, list_kind = EXCLUDED.list_kind,
                            list_type_code = EXCLUDED.list_type_code, list_type_name = EXCLUDED.list_type_name,
                            subject_type = EXCLUDED.subject_type, subject_name = EXCLUDED.subject_name,
                            uscc = EXCLUDED.uscc, id_number_masked = EXCLUDED.id_number_masked,
                            reason = EXCLUDED.reason, recognising_department = EXCLUDED.recognising_department,
                            basis = EXCLUDED.basis, recognition_date = EXCLUDED.recognition_date,
                            valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until,
                            published = EXCLUDED.published, id_number_key = EXCLUDED.id_number_key,
                            listed = EXCLUDED.listed, rectification_note = EXCLUDED.rectification_note,
                            revision = EXCLUDED.revision""";

    private static MapSqlParameterSource params(BoardEntry entry, boolean published, String idNumberKey,
                                                boolean listed) {
        return new MapSqlParameterSource()
                .addValue("rectificationNote", entry.rectificationNote())
                .addValue("listingId", entry.listingId())
                .addValue("version", entry.version())
                .addValue("listKind", entry.listKind().name())
                .addValue("listTypeCode", entry.listTypeCode())
                .addValue("listTypeName", entry.listTypeName())
                .addValue("subjectType", entry.subjectType().name())
                .addValue("subjectName", entry.subjectName())
                .addValue("uscc", entry.uscc())
                .addValue("idNumberMasked", entry.maskedIdNumber())
                .addValue("reason", entry.reason())
                .addValue("department", entry.recognisingDepartment())
                .addValue("basis", entry.basis())
                .addValue("recognitionDate", entry.recognitionDate())
                .addValue("validFrom", entry.validFrom())
                .addValue("validUntil", entry.validUntil())
                .addValue("published", published)
                .addValue("publishedAt", entry.publishedAt().atOffset(ZoneOffset.UTC))
                .addValue("idNumberKey", idNumberKey)
                .addValue("listed", listed);
    }

    /**
     * Deletes the listing's entry and records the removal under the board's next revision (the caller holds
     * {@link BoardChanges#lockForWriting}); returns whether the delta feed said "on the board" (false if there was
     * none).
     */
    public boolean delete(UUID listingId) {
        Optional<Boolean> listed = jdbc.sql("DELETE FROM board_entry WHERE listing_id = :id RETURNING listed")
                .param("id", listingId)
                .query(Boolean.class)
                .optional();
        if (listed.isPresent()) {
            jdbc.sql("INSERT INTO board_entry_removal (listing_id) VALUES (:id)").param("id", listingId).update();
            events.publishEvent(new BoardWritten());
        }
        return listed.orElse(false);
    }

    /** The listing's entry if it is on the board {@code today}. */
    public Optional<BoardEntry> findOnBoard(UUID listingId, LocalDate today) {
        return jdbc.sql("SELECT * FROM board_entry WHERE listing_id = :id AND " + ON_BOARD)
                .param("id", listingId)
                .param("today", today)
                .query(BoardEntries::entry)
                .optional();
    }

    /** Entries on the board {@code today} that match, in the board's stable order (read from the table). */
    public Page<BoardEntry> search(BoardQuery query, LocalDate today) {
        Where where = where(query, today);
        List<BoardEntry> items = jdbc.sql("SELECT * FROM board_entry WHERE " + where.sql + ORDER
                        + " LIMIT :limit OFFSET :offset")
                .params(where.params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(BoardEntries::entry)
                .list();
        long total = items.size() < query.size() && (query.page() == 0 || !items.isEmpty())
                ? (long) query.page() * query.size() + items.size()
                : jdbc.sql("SELECT count(*) FROM board_entry WHERE " + where.sql)
                        .params(where.params)
                        .query(Long.class)
                        .single();
        return new Page<>(items, query.page(), query.size(), total);
    }

    /** Every match on the board {@code today}, in the board's stable order, streamed (exports). */
    public void forEach(BoardQuery query, LocalDate today, Consumer<BoardEntry> sink) {
        Where where = where(query, today);
        jdbc.sql("SELECT * FROM board_entry WHERE " + where.sql + ORDER)
                .params(where.params)
                .query(rs -> {
                    sink.accept(entry(rs, 0));
                });
    }

    /** R7: published entries whose validity has begun {@code today} but the feed has not shown; now marked shown. */
    public List<BoardEntry> startListing(LocalDate today) {
        return jdbc.sql("UPDATE board_entry SET listed = true WHERE NOT listed AND " + ON_BOARD + " RETURNING *")
                .param("today", today)
                .query(BoardEntries::entry)
                .list();
    }

    /** R7: entries the feed shows though they are no longer on the board {@code today}; now marked not shown. */
    public List<UUID> stopListing(LocalDate today) {
        return jdbc.sql("UPDATE board_entry SET listed = false WHERE listed AND NOT (" + ON_BOARD
                        + ") RETURNING listing_id")
                .param("today", today)
                .query(UUID.class)
                .list();
    }

    private Where where(BoardQuery query, LocalDate today) {
        StringBuilder sql = new StringBuilder(ON_BOARD);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", today);
        if (query.text() != null) {
            String text = query.text();
            sql.append(" AND (subject_name ILIKE :pattern OR uscc = :code");
            params.put("pattern", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("code", text.toUpperCase(Locale.ROOT));
            if (IdNumberKeys.looksLikeIdNumber(text)) {
                sql.append(" OR id_number_key = :idNumberKey");
                params.put("idNumberKey", idNumberKeys.of(text));
            }
            sql.append(')');
        }
        if (query.kind() != null) {
            sql.append(" AND list_kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.listType() != null) {
            sql.append(" AND list_type_code = :listType");
            params.put("listType", query.listType());
        }
        if (query.department() != null) {
            sql.append(" AND recognising_department = :department");
            params.put("department", query.department());
        }
        if (query.from() != null) {
            sql.append(" AND recognition_date >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            sql.append(" AND recognition_date <= :to");
            params.put("to", query.to());
        }
        return new Where(sql.toString(), params);
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    static BoardEntry entry(ResultSet rs, int row) throws SQLException {
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

    /**
     * R12 (b): notes the rectification on the entry, if the board holds it (the caller holds
     * {@link BoardChanges#lockForWriting}, as for every new revision); returns the entry as it is now when it is
     * listed (so the delta feed can tell mirrors), else empty.
     */
    public Optional<BoardEntry> noteRectification(UUID listingId, String note) {
        // a new revision, so every instance's search index shows the note (BoardRevisions)
        int updated = jdbc.sql("""
                        UPDATE board_entry SET rectification_note = :note, revision = nextval('board_revision')
                        WHERE listing_id = :id""")
                .param("note", note).param("id", listingId).update();
        if (updated == 0) {
            return Optional.empty();
        }
        events.publishEvent(new BoardWritten());
        return jdbc.sql("SELECT * FROM board_entry WHERE listing_id = :id AND listed").param("id", listingId)
                .query(BoardEntries::entry).optional();
    }
}
