package io.creditloop.sharing.inbound;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.security.PersonalDataCipher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Upstream listings, one row per (platform, upstream id) with its current revision. */
@Repository
public class UpstreamListings {

    private final JdbcClient jdbc;
    /** Issue 8, R16: a person's ID number is stored encrypted. */
    private final PersonalDataCipher cipher;
    private final RowMapper<UpstreamListing> row;

    public UpstreamListings(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.row = rowMapper(cipher);
    }

    /**
     * The listing, locked for the rest of the transaction; a concurrent first receipt of the same record waits for
     * the other's insert through the unique key instead.
     */
    public Optional<UpstreamListing> lock(String platform, String upstreamId) {
        return jdbc.sql("SELECT * FROM upstream_listing WHERE platform = :platform AND upstream_id = :id FOR UPDATE")
                .param("platform", platform).param("id", upstreamId).query(row).optional();
    }

    public Optional<UpstreamListing> find(String platform, String upstreamId) {
        return jdbc.sql("SELECT * FROM upstream_listing WHERE platform = :platform AND upstream_id = :id")
                .param("platform", platform).param("id", upstreamId).query(row).optional();
    }

    /** False when another transaction inserted the same record first. */
    public boolean insert(UpstreamListing l) {
        return bind(jdbc.sql("""
                INSERT INTO upstream_listing (id, platform, upstream_id, revision, list_name, kind, in_force,
                    subject_type, name, uscc, id_number, authority, recognition_date, valid_until, received_at,
                    updated_at)
                VALUES (:id, :platform, :upstreamId, :revision, :listName, :kind, :inForce, :subjectType, :name,
                    :uscc, :idNumber, :authority, :recognitionDate, :validUntil, :receivedAt, :updatedAt)
                ON CONFLICT (platform, upstream_id) DO NOTHING"""), l).update() == 1;
    }

    public void update(UpstreamListing l) {
        bind(jdbc.sql("""
                UPDATE upstream_listing SET revision = :revision, list_name = :listName, kind = :kind,
                    in_force = :inForce, subject_type = :subjectType, name = :name, uscc = :uscc,
                    id_number = :idNumber, authority = :authority, recognition_date = :recognitionDate,
                    valid_until = :validUntil, updated_at = :updatedAt
                WHERE id = :id"""), l).update();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, UpstreamListing l) {
        UpstreamRecord r = l.record();
        return sql.param("id", l.id())
                .param("platform", l.platform())
                .param("upstreamId", r.upstreamId())
                .param("revision", l.revision())
                .param("listName", r.listName())
                .param("kind", r.kind().name())
                .param("inForce", r.inForce())
                .param("subjectType", r.subjectType().name())
                .param("name", r.name())
                .param("uscc", r.uscc())
                .param("idNumber", cipher.encrypt(r.idNumber()))
                .param("authority", r.authority())
                .param("recognitionDate", r.recognitionDate())
                .param("validUntil", r.validUntil())
                .param("receivedAt", Timestamp.from(l.receivedAt()))
                .param("updatedAt", Timestamp.from(l.updatedAt()));
    }

    private static RowMapper<UpstreamListing> rowMapper(PersonalDataCipher cipher) {
        return (rs, n) -> new UpstreamListing(
            rs.getObject("id", UUID.class),
            rs.getString("platform"),
            rs.getLong("revision"),
            new UpstreamRecord(rs.getString("upstream_id"), rs.getString("list_name"),
                    ListKind.valueOf(rs.getString("kind")), rs.getBoolean("in_force"),
                    SubjectType.valueOf(rs.getString("subject_type")), rs.getString("name"), rs.getString("uscc"),
                    cipher.decrypt(rs.getString("id_number")), rs.getString("authority"), date(rs.getDate("recognition_date")),
                    date(rs.getDate("valid_until"))),
            rs.getTimestamp("received_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
