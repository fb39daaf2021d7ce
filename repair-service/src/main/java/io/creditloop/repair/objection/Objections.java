package io.creditloop.repair.objection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Objections (table {@code objection}). */
@Repository
public class Objections {

    private final JdbcClient jdbc;

    public Objections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Objection o) {
        jdbc.sql("""
                        INSERT INTO objection (id, listing_id, recognising_department, objector_name, contact, reason,
                            status, filed_at)
                        VALUES (:id, :listingId, :department, :objectorName, :contact, :reason, :status, :filedAt)""")
                .param("id", o.id())
                .param("listingId", o.listingId())
                .param("department", o.recognisingDepartment())
                .param("objectorName", o.objectorName())
                .param("contact", o.contact())
                .param("reason", o.reason())
                .param("status", o.status().name())
                .param("filedAt", o.filedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public Optional<Objection> find(UUID id) {
        return jdbc.sql("SELECT * FROM objection WHERE id = :id")
                .param("id", id)
                .query(Objections::objection)
                .optional();
    }

    private static Objection objection(ResultSet rs, int row) throws SQLException {
        return new Objection(
                rs.getObject("id", UUID.class),
                rs.getObject("listing_id", UUID.class),
                rs.getString("recognising_department"),
                rs.getString("objector_name"),
                rs.getString("contact"),
                rs.getString("reason"),
                ObjectionStatus.valueOf(rs.getString("status")),
                rs.getObject("filed_at", OffsetDateTime.class).toInstant());
    }
}
