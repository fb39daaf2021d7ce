package io.creditloop.repair.listing;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.messaging.BatchRows;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The listing read model (table {@code listing_ref}). */
@Repository
public class ListingRefs {

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate batches;

    public ListingRefs(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    private static final String SAVE = """
                        INSERT INTO listing_ref (listing_id, version, status, recognising_department, list_type_code,
                            subject_type, subject_name_masked, list_kind)
                        VALUES (:id, :version, :status, :department, :listTypeCode, :subjectType, :subjectName,
                            :listKind)
                        ON CONFLICT (listing_id) DO UPDATE SET
                            version = EXCLUDED.version, status = EXCLUDED.status,
                            recognising_department = EXCLUDED.recognising_department,
                            list_type_code = EXCLUDED.list_type_code, subject_type = EXCLUDED.subject_type,
                            subject_name_masked = EXCLUDED.subject_name_masked, list_kind = EXCLUDED.list_kind""";

    public void save(ListingRef ref) {
        jdbc.sql(SAVE).paramSource(params(ref)).update();
    }

    /**
     * {@link #save} for many listings, in order, as one JDBC batch (issue 9). A listing saved twice is written once,
     * as it was last saved: the driver sends the batch as multi-row INSERTs, which may not upsert one row twice
     * ({@link BatchRows}).
     */
    public void saveAll(List<ListingRef> refs) {
        if (!refs.isEmpty()) {
            batches.batchUpdate(SAVE, BatchRows.lastPerKey(refs, ListingRef::listingId).stream()
                    .map(ListingRefs::params).toArray(SqlParameterSource[]::new));
        }
    }

    private static MapSqlParameterSource params(ListingRef ref) {
        return new MapSqlParameterSource()
                .addValue("id", ref.listingId())
                .addValue("version", ref.version())
                .addValue("status", ref.status().name())
                .addValue("department", ref.recognisingDepartment())
                .addValue("listTypeCode", ref.listTypeCode())
                .addValue("subjectType", ref.subjectType().name())
                .addValue("subjectName", ref.subjectNameMasked())
                .addValue("listKind", ref.listKind() == null ? null : ref.listKind().name());
    }

    /**
     * R12: the facts credit repair reads. An exit event carries no dates: the dates known stay.
     */
    private static final String SAVE_REPAIR_FACTS = """
                        UPDATE listing_ref SET subject_key = :subjectKey,
                            repair_mode = COALESCE(CAST(:repairMode AS TEXT), repair_mode),
                            recognition_date = CASE WHEN CAST(:datesKnown AS BOOLEAN) THEN CAST(:recognitionDate AS DATE) ELSE recognition_date END,
                            valid_until = CASE WHEN CAST(:datesKnown AS BOOLEAN) THEN CAST(:validUntil AS DATE) ELSE valid_until END
                        WHERE listing_id = :id""";

    public void saveRepairFacts(UUID listingId, String subjectKey, String repairMode, java.time.LocalDate recognitionDate,
                                java.time.LocalDate validUntil, boolean datesKnown) {
        jdbc.sql(SAVE_REPAIR_FACTS).paramSource(new RepairFacts(listingId, subjectKey, repairMode, recognitionDate,
                validUntil, datesKnown).params()).update();
    }

    /** The arguments of {@link #saveRepairFacts}, for {@link #saveRepairFactsAll}. */
    public record RepairFacts(UUID listingId, String subjectKey, String repairMode, java.time.LocalDate recognitionDate,
                              java.time.LocalDate validUntil, boolean datesKnown) {

        private MapSqlParameterSource params() {
            return new MapSqlParameterSource()
                .addValue("id", listingId)
                .addValue("subjectKey", subjectKey)
                .addValue("repairMode", repairMode)
                .addValue("recognitionDate", recognitionDate)
                .addValue("validUntil", validUntil)
                .addValue("datesKnown", datesKnown);
        }
    }

    /** {@link #saveRepairFacts} for many listings, in order, as one JDBC batch (issue 9). */
    public void saveRepairFactsAll(List<RepairFacts> facts) {
        if (!facts.isEmpty()) {
            batches.batchUpdate(SAVE_REPAIR_FACTS, facts.stream().map(RepairFacts::params)
                    .toArray(SqlParameterSource[]::new));
        }
    }

    public Optional<ListingRef> find(UUID listingId) {
        return jdbc.sql("SELECT * FROM listing_ref WHERE listing_id = :id")
                .param("id", listingId)
                .query(ListingRefs::ref)
                .optional();
    }

    /**
     * The listing, share-locked until the caller's transaction ends: an exit arriving meanwhile waits, so an
     * objection is never accepted against a listing that has already exited.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ListingRef> findLocked(UUID listingId) {
        return jdbc.sql("SELECT * FROM listing_ref WHERE listing_id = :id FOR SHARE")
                .param("id", listingId)
                .query(ListingRefs::ref)
                .optional();
    }

    private static ListingRef ref(ResultSet rs, int row) throws SQLException {
        return new ListingRef(
                rs.getObject("listing_id", UUID.class),
                rs.getLong("version"),
                ListingStatus.valueOf(rs.getString("status")),
                rs.getString("recognising_department"),
                rs.getString("list_type_code"),
                SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_name_masked"),
                rs.getString("list_kind") == null ? null : ListKind.valueOf(rs.getString("list_kind")));
    }
}
