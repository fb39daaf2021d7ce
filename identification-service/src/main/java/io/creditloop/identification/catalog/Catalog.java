package io.creditloop.identification.catalog;

import io.creditloop.contracts.listing.v1.ListKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The list types departments may recognise (R2), current versions. */
@Repository
public class Catalog {

    private static final RowMapper<ListTypeEntry> ROW = (rs, n) -> new ListTypeEntry(rs.getString("code"),
            rs.getInt("version"), rs.getString("name"), ListKind.valueOf(rs.getString("kind")),
            rs.getString("domain"), rs.getString("department"), rs.getString("basis"),
            rs.getString("default_validity"), rs.getString("repair_mode"), rs.getBoolean("gray_published"),
            rs.getInt("publicity_working_days"), rs.getString("gray_list_type"));

    private final JdbcClient jdbc;

    public Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ListTypeEntry> current(String code) {
        return jdbc.sql("SELECT * FROM list_type WHERE code = :code AND current")
                .param("code", code)
                .query(ROW)
                .optional();
    }

    public List<ListTypeEntry> all() {
        return jdbc.sql("SELECT * FROM list_type WHERE current ORDER BY domain, code").query(ROW).list();
    }

    /** Every version of a list type, newest first. */
    public List<ListTypeEntry> versions(String code) {
        return jdbc.sql("SELECT * FROM list_type WHERE code = :code ORDER BY version DESC")
                .param("code", code)
                .query(ROW)
                .list();
    }

    /** Locks the current version so two revisions of one list type cannot both become current. */
    public Optional<ListTypeEntry> currentForUpdate(String code) {
        return jdbc.sql("SELECT * FROM list_type WHERE code = :code AND current FOR UPDATE")
                .param("code", code)
                .query(ROW)
                .optional();
    }

    /** Makes {@code entry} the current version; the previous one stays for the listings made under it. */
    public void publish(ListTypeEntry entry, String description) {
        jdbc.sql("UPDATE list_type SET current = FALSE WHERE code = :code AND current")
                .param("code", entry.code())
                .update();
        jdbc.sql("""
                        INSERT INTO list_type (code, version, name, kind, domain, department, basis, default_validity,
                            repair_mode, gray_published, current, description, publicity_working_days, gray_list_type)
                        VALUES (:code, :version, :name, :kind, :domain, :department, :basis, :validity, :repairMode,
                            :grayPublished, TRUE, :description, :publicityDays, :grayListType)""")
                .param("code", entry.code())
                .param("version", entry.version())
                .param("name", entry.name())
                .param("kind", entry.kind().name())
                .param("domain", entry.domain())
                .param("department", entry.department())
                .param("basis", entry.basis())
                .param("validity", entry.defaultValidity())
                .param("repairMode", entry.repairMode())
                .param("grayPublished", entry.grayPublished())
                .param("description", description)
                .param("publicityDays", entry.publicityWorkingDays())
                .param("grayListType", entry.grayListType())
                .update();
    }
}
