package io.creditloop.sharing.registry;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.messaging.BatchRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The register's listings (table {@code registry_listing}). */
@Repository
public class RegistryListings {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    public RegistryListings(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Inserts or replaces the listing, unless a version at least as new is held (an upstream revision). */
    private static final String UPSERT = """
                        INSERT INTO registry_listing (listing_key, source, version, subject_key, subject_type, name,
                            uscc, id_number_masked, list_type_code, list_type_name, kind, department,
                            recognition_date, valid_until, status, exited_on, updated_at)
                        VALUES (:key, :source, :version, :subjectKey, :subjectType, :name, :uscc, :masked,
                            :typeCode, :typeName, :kind, :department, :recognitionDate, :validUntil, :status,
                            :exitedOn, :now)
                        ON CONFLICT (listing_key) DO UPDATE SET version = EXCLUDED.version,
                            subject_key = EXCLUDED.subject_key, subject_type = EXCLUDED.subject_type,
                            name = EXCLUDED.name, uscc = EXCLUDED.uscc, id_number_masked = EXCLUDED.id_number_masked,
                            list_type_code = EXCLUDED.list_type_code, list_type_name = EXCLUDED.list_type_name,
                            kind = EXCLUDED.kind, department = EXCLUDED.department,
                            recognition_date = EXCLUDED.recognition_date, valid_until = EXCLUDED.valid_until,
                            status = EXCLUDED.status, exited_on = EXCLUDED.exited_on, updated_at = EXCLUDED.updated_at
                        WHERE registry_listing.version < EXCLUDED.version""";

    public boolean upsertIfNewer(RegistryListing l, Instant now) {
        return jdbc.sql(UPSERT).paramSource(params(l, now)).update() == 1;
    }

    /**
     * {@link #upsertIfNewer} for many listings, in order, as one JDBC batch (issue 9). Of several rows of one listing
     * (a poll with its confirmation and its correction) only the newest is sent, the one that one by one would have
     * stayed: the driver sends the batch as multi-row INSERTs, which may not upsert one row twice ({@link BatchRows}).
     */
    public void upsertAllIfNewer(List<RegistryListing> listings, Instant now) {
        if (!listings.isEmpty()) {
            batches.batchUpdate(UPSERT, BatchRows.newestPerKey(listings, RegistryListing::listingKey,
                    RegistryListing::version).stream().map(l -> params(l, now)).toArray(SqlParameterSource[]::new));
        }
    }

    private static MapSqlParameterSource params(RegistryListing l, Instant now) {
        return new MapSqlParameterSource()
                .addValue("key", l.listingKey())
                .addValue("source", l.source())
                .addValue("version", l.version())
                .addValue("subjectKey", l.subjectKey())
                .addValue("subjectType", l.subjectType().name())
                .addValue("name", l.name())
                .addValue("uscc", l.uscc())
                .addValue("masked", l.idNumberMasked())
                .addValue("typeCode", l.listTypeCode())
                .addValue("typeName", l.listTypeName())
                .addValue("kind", l.kind().name())
                .addValue("department", l.department())
                .addValue("recognitionDate", l.recognitionDate())
                .addValue("validUntil", l.validUntil())
                .addValue("status", l.status().name())
                .addValue("exitedOn", l.exitedOn())
                .addValue("now", java.sql.Timestamp.from(now));
    }

    /**
     * Marks a listing exited; the rest of the record stays as confirmed.
     *
     * @return false when the register has no copy of the listing (its confirmation was never seen)
     */
    public boolean exit(String listingKey, long version, LocalDate exitedOn, Instant now) {
        return jdbc.sql("""
                        UPDATE registry_listing SET version = :version, status = 'EXITED', exited_on = :exitedOn,
                            updated_at = :now
                        WHERE listing_key = :key""")
                .param("version", version).param("exitedOn", exitedOn).param("now", java.sql.Timestamp.from(now))
                .param("key", listingKey).update() == 1;
    }

    public List<RegistryListing> bySubjectKey(String subjectKey, LocalDate exitedSince, int limit) {
        return jdbc.sql("""
                        SELECT * FROM registry_listing WHERE subject_key = :key
                            AND (status = 'IN_FORCE' OR exited_on >= :since)
                        ORDER BY status DESC, recognition_date DESC NULLS LAST, listing_key LIMIT :limit""")
                .param("key", subjectKey).param("since", exitedSince).param("limit", limit).query(ROW).list();
    }

    public List<RegistryListing> byUscc(String uscc, LocalDate exitedSince, int limit) {
        return jdbc.sql("""
                        SELECT * FROM registry_listing WHERE uscc = :uscc
                            AND (status = 'IN_FORCE' OR exited_on >= :since)
                        ORDER BY status DESC, recognition_date DESC NULLS LAST, listing_key LIMIT :limit""")
                .param("uscc", uscc).param("since", exitedSince).param("limit", limit).query(ROW).list();
    }

    /** The exact name first, then names that start with it. */
    public List<RegistryListing> byName(String name, LocalDate exitedSince, int limit) {
        String prefix = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        SELECT * FROM registry_listing WHERE (name = :name OR name LIKE :prefix)
                            AND (status = 'IN_FORCE' OR exited_on >= :since)
                        ORDER BY (name = :name) DESC, name, status DESC, listing_key LIMIT :limit""")
                .param("name", name).param("prefix", prefix).param("since", exitedSince).param("limit", limit)
                .query(ROW).list();
    }

    private static final RowMapper<RegistryListing> ROW = (rs, n) -> new RegistryListing(
            rs.getString("listing_key"),
            rs.getString("source"),
            rs.getLong("version"),
            rs.getString("subject_key"),
            SubjectType.valueOf(rs.getString("subject_type")),
            rs.getString("name"),
            rs.getString("uscc"),
            rs.getString("id_number_masked"),
            rs.getString("list_type_code"),
            rs.getString("list_type_name"),
            ListKind.valueOf(rs.getString("kind")),
            rs.getString("department"),
            date(rs.getDate("recognition_date")),
            date(rs.getDate("valid_until")),
            RegistryListing.Status.valueOf(rs.getString("status")),
            date(rs.getDate("exited_on")));

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
