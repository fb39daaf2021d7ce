package io.creditloop.sanction.report;

import io.creditloop.messaging.BatchRows;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.List;

/**
 * Listings in table {@code case_listing}. Listing events may repeat or come out of order; a row only ever moves to a
 * newer listing version, so a stale event changes nothing.
 */
@Repository
public class CaseListings {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    public CaseListings(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The recognising department of a listing this service has heard of (R16: whose loop it is). */
    public java.util.Optional<String> department(java.util.UUID listingId) {
        return jdbc.sql("SELECT department FROM case_listing WHERE listing_id = :id").param("id", listingId)
                .query(String.class).optional();
    }

    private static final String IN_FORCE = """
                        INSERT INTO case_listing (listing_id, version, department, list_type_code, list_type_name,
                            list_kind, subject_type, subject_name, uscc, reason, recognition_date, valid_from,
                            valid_until)
                        VALUES (:listingId, :version, :department, :listTypeCode, :listTypeName, :listKind,
                            :subjectType, :subjectName, :uscc, :reason, :recognitionDate, :validFrom, :validUntil)
                        ON CONFLICT (listing_id) DO UPDATE SET version = EXCLUDED.version,
                            department = EXCLUDED.department, list_type_code = EXCLUDED.list_type_code,
                            list_type_name = EXCLUDED.list_type_name, list_kind = EXCLUDED.list_kind,
                            subject_type = EXCLUDED.subject_type, subject_name = EXCLUDED.subject_name,
                            uscc = EXCLUDED.uscc, reason = EXCLUDED.reason,
                            recognition_date = EXCLUDED.recognition_date, valid_from = EXCLUDED.valid_from,
                            valid_until = EXCLUDED.valid_until
                        WHERE case_listing.version < EXCLUDED.version""";

    /** A confirmed or corrected listing: its record in force, newer than the one kept. */
    public boolean inForce(CaseListing listing) {
        return jdbc.sql(IN_FORCE).paramSource(params(listing)).update() == 1;
    }

    /**
     * {@link #inForce} for many listings, in order, as one JDBC batch (issue 9). Of several rows of one listing (a
     * poll with its confirmation and its correction, or a repeat) only the newest is sent, the one that one by one
     * would have stayed: the driver sends the batch as multi-row INSERTs, which may not upsert one row twice
     * ({@link BatchRows}).
     */
    public void inForceAll(List<CaseListing> listings) {
        if (!listings.isEmpty()) {
            batches.batchUpdate(IN_FORCE, BatchRows.newestPerKey(listings, CaseListing::listingId,
                    CaseListing::version).stream().map(CaseListings::params).toArray(SqlParameterSource[]::new));
        }
    }

    /** The exit (R13), newer than the version kept; an exit seen before its listing keeps what it carries. */
    public boolean exited(CaseListing exit) {
        return jdbc.sql("""
                        INSERT INTO case_listing (listing_id, version, department, list_type_code, list_type_name,
                            list_kind, subject_type, subject_name, uscc, exit_reason, exit_date, exit_note, exited_at)
                        VALUES (:listingId, :version, :department, :listTypeCode, :listTypeName, :listKind,
                            :subjectType, :subjectName, :uscc, :exitReason, :exitDate, :exitNote, :exitedAt)
                        ON CONFLICT (listing_id) DO UPDATE SET version = EXCLUDED.version,
                            exit_reason = EXCLUDED.exit_reason, exit_date = EXCLUDED.exit_date,
                            exit_note = EXCLUDED.exit_note, exited_at = EXCLUDED.exited_at
                        WHERE case_listing.version < EXCLUDED.version""")
                .paramSource(params(exit))
                .update() == 1;
    }

    private static MapSqlParameterSource params(CaseListing l) {
        return new MapSqlParameterSource()
                .addValue("listingId", l.listingId())
                .addValue("version", l.version())
                .addValue("department", l.department())
                .addValue("listTypeCode", l.listTypeCode())
                .addValue("listTypeName", l.listTypeName() == null ? l.listTypeCode() : l.listTypeName())
                .addValue("listKind", l.listKind().name())
                .addValue("subjectType", l.subjectType().name())
                .addValue("subjectName", l.subjectName())
                .addValue("uscc", l.uscc())
                .addValue("reason", l.reason())
                .addValue("recognitionDate", l.recognitionDate())
                .addValue("validFrom", l.validFrom())
                .addValue("validUntil", l.validUntil())
                .addValue("exitReason", l.exitReason() == null ? null : l.exitReason().name())
                .addValue("exitDate", l.exitDate())
                .addValue("exitNote", l.exitNote())
                .addValue("exitedAt", l.exitedAt() == null ? null : l.exitedAt().atOffset(ZoneOffset.UTC));
    }
}
