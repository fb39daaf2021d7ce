package io.creditloop.sanction.report;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** What the monthly case report reads of the recorded loop: tasks with their listings, and exits. */
@Repository
public class CaseRecords {

    private static final String LISTING_COLUMNS = """
            l.listing_id, l.version, l.department, l.list_type_code, l.list_type_name, l.list_kind, l.subject_type,
            l.subject_name, l.uscc, l.reason, l.recognition_date, l.valid_from, l.valid_until, l.exit_reason,
            l.exit_date, l.exit_note, l.exited_at""";

    private final JdbcClient jdbc;

    public CaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Measures implemented in [from, to) on red and black listings, in the order they were implemented. */
    public List<ImplementedMeasure> implemented(Instant from, Instant to) {
        return jdbc.sql("SELECT t.agency_code, t.measure, t.measure_applied, t.business_item, t.amount, "
                        + "t.explanation, t.implemented_at, " + LISTING_COLUMNS + """
                         FROM sanction_task t JOIN case_listing l ON l.listing_id = t.listing_id
                        WHERE t.implemented_at >= :from AND t.implemented_at < :to AND l.list_kind IN ('RED', 'BLACK')
                        ORDER BY t.implemented_at, t.task_id""")
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new ImplementedMeasure(listing(rs), rs.getString("agency_code"),
                        rs.getString("measure"), rs.getString("measure_applied"), rs.getString("business_item"),
                        rs.getBigDecimal("amount"), rs.getString("explanation"), instant(rs, "implemented_at")))
                .list();
    }

    /** Black listings that exited on a day in [from, to]. */
    public List<CaseListing> blackExits(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + LISTING_COLUMNS + """
                         FROM case_listing l WHERE l.exit_date BETWEEN :from AND :to AND l.list_kind = 'BLACK'
                        ORDER BY l.exit_date, l.listing_id""")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> listing(rs))
                .list();
    }

    private static CaseListing listing(ResultSet rs) throws SQLException {
        String exitReason = rs.getString("exit_reason");
        return new CaseListing(rs.getObject("listing_id", UUID.class), rs.getLong("version"),
                rs.getString("department"), rs.getString("list_type_code"), rs.getString("list_type_name"),
                ListKind.valueOf(rs.getString("list_kind")), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_name"), rs.getString("uscc"), rs.getString("reason"),
                rs.getObject("recognition_date", LocalDate.class), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                exitReason == null ? null : ExitReason.valueOf(exitReason), rs.getObject("exit_date", LocalDate.class),
                rs.getString("exit_note"), instant(rs, "exited_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
