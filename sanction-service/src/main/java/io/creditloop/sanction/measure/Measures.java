package io.creditloop.sanction.measure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The measures list, maintained by migration (R9); read-only for the service. */
@Repository
public class Measures {

    private final JdbcClient jdbc;

    public Measures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Measure> forListType(String listTypeCode) {
        return jdbc.sql("""
                        SELECT list_type_code, agency_code, measure_code, measure, legal_basis FROM measure
                        WHERE list_type_code = :code ORDER BY agency_code, measure_code""")
                .param("code", listTypeCode)
                .query((rs, n) -> new Measure(rs.getString("list_type_code"), rs.getString("agency_code"),
                        rs.getString("measure_code"), rs.getString("measure"), rs.getString("legal_basis")))
                .list();
    }

    /** Every enforcing agency that applies at least one measure. */
    public List<String> agencyCodes() {
        return jdbc.sql("SELECT DISTINCT agency_code FROM measure ORDER BY agency_code")
                .query(String.class)
                .list();
    }
}
