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
            rs.getString("default_validity"), rs.getString("repair_mode"), rs.getBoolean("gray_published"));

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
}
