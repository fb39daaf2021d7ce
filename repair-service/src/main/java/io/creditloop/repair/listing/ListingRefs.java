package io.creditloop.repair.listing;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The listing read model (table {@code listing_ref}). */
@Repository
public class ListingRefs {

    private final JdbcClient jdbc;

    public ListingRefs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(ListingRef ref) {
        jdbc.sql("""
                        INSERT INTO listing_ref (listing_id, version, status, recognising_department, list_type_code,
                            subject_type, subject_name_masked, list_kind)
                        VALUES (:id, :version, :status, :department, :listTypeCode, :subjectType, :subjectName,
                            :listKind)
                        ON CONFLICT (listing_id) DO UPDATE SET
                            version = EXCLUDED.version, status = EXCLUDED.status,
                            recognising_department = EXCLUDED.recognising_department,
                            list_type_code = EXCLUDED.list_type_code, subject_type = EXCLUDED.subject_type,
                            subject_name_masked = EXCLUDED.subject_name_masked, list_kind = EXCLUDED.list_kind""")
                .param("id", ref.listingId())
                .param("version", ref.version())
                .param("status", ref.status().name())
                .param("department", ref.recognisingDepartment())
                .param("listTypeCode", ref.listTypeCode())
                .param("subjectType", ref.subjectType().name())
                .param("subjectName", ref.subjectNameMasked())
                .param("listKind", ref.listKind() == null ? null : ref.listKind().name())
                .update();
    }

    /**
     * R12: the facts credit repair reads. An exit event carries no dates: the dates known stay.
     */
    public void saveRepairFacts(UUID listingId, String subjectKey, String repairMode, java.time.LocalDate recognitionDate,
                                java.time.LocalDate validUntil, boolean datesKnown) {
        jdbc.sql("""
                        UPDATE listing_ref SET subject_key = :subjectKey,
                            repair_mode = COALESCE(CAST(:repairMode AS TEXT), repair_mode),
                            recognition_date = CASE WHEN CAST(:datesKnown AS BOOLEAN) THEN CAST(:recognitionDate AS DATE) ELSE recognition_date END,
                            valid_until = CASE WHEN CAST(:datesKnown AS BOOLEAN) THEN CAST(:validUntil AS DATE) ELSE valid_until END
                        WHERE listing_id = :id""")
                .param("id", listingId)
                .param("subjectKey", subjectKey)
                .param("repairMode", repairMode)
                .param("recognitionDate", recognitionDate)
                .param("validUntil", validUntil)
                .param("datesKnown", datesKnown)
                .update();
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
