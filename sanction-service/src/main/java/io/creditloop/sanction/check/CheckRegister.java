package io.creditloop.sanction.check;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * R16 (001 §23-24; 003 §24): the register of person-level credit checks, table {@code credit_check_register}: who
 * asked, when, in which scenario, about which subject (its key and masked ID number only) and how many listings
 * they were shown. Written by the check's own statement ({@link #registering}), so no answer leaves without its
 * entry; read back by the credit office ({@link #page}, {@link #each}).
 */
@Repository
public class CheckRegister {

    /** One registered check of one person, as the credit office reviews it. */
    public record Entry(long id, Instant checkedAt, String agency, String user, String scenario,
                        CheckRequest.By queriedBy, String subjectKey, String maskedId, int resultCount) {
    }

    /**
     * Who checks, when and how; with {@code personKey} (a check by ID number) exactly that person is registered, found
     * or not, under the masked number asked; otherwise every person among the listings found is.
     */
    public record Registration(Instant at, String agency, String user, String scenario, CheckRequest.By by,
                               String personKey, String maskedQuery) {
    }

    private static final String INSERT = "registered AS (INSERT INTO credit_check_register (checked_at, agency_code,"
            + " user_id, scenario, queried_by, subject_key, masked_id, result_count) SELECT CAST(:regAt AS timestamptz),"
            + " CAST(:regAgency AS text), CAST(:regUser AS text), CAST(:regScenario AS text), CAST(:regBy AS text), ";

    /**
     * The data-modifying CTE that registers a check inside the check's statement; it reads the check's listings from
     * the CTE {@code found} (the columns of {@code credit_subject_listing}).
     */
    static String registering(Registration r) {
        if (r.personKey() != null) {
            return INSERT + "CAST(:regKey AS text), CAST(:regMasked AS text), (SELECT count(*) FROM found)::int)";
        }
        return INSERT + "subject_key, min(masked_id), count(*)::int FROM found WHERE subject_type = 'PERSON'"
                + " GROUP BY subject_key)";
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Registration r) {
        // as ISO 8601 text, cast in the statement (issue 9: a date-time object costs the driver a calendar)
        statement = statement.param("regAt", r.at().toString())
                .param("regAgency", r.agency())
                .param("regUser", r.user())
                .param("regScenario", r.scenario())
                .param("regBy", r.by().name());
        if (r.personKey() != null) {
            statement = statement.param("regKey", r.personKey()).param("regMasked", r.maskedQuery());
        }
        return statement;
    }

    /** What the credit office filters the register by; null fields do not filter. {@code to} is exclusive. */
    public record Filter(String agency, Instant from, Instant to, String subjectKey) {
    }

    private static final String COLUMNS = "id, checked_at, agency_code, user_id, scenario, queried_by, subject_key,"
            + " masked_id, result_count";
    /** Newest first; the id breaks ties of one instant. */
    private static final String ORDER = " ORDER BY checked_at DESC, id DESC";

    private final JdbcClient jdbc;
    /** For the export: rows come in batches (inside a read-only transaction), not all at once. */
    private final JdbcTemplate streaming;

    public CheckRegister(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
    }

    /** One page of the entries matching the filter, newest first. */
    public List<Entry> page(Filter filter, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT " + COLUMNS + " FROM credit_check_register" + where
                + ORDER + " LIMIT ? OFFSET ?");
        return statement.params(args).query((rs, n) -> entry(rs)).list();
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return jdbc.sql("SELECT count(*) FROM credit_check_register" + where).params(args)
                .query(Long.class).single();
    }

    /**
     * Every entry matching the filter, newest first, one at a time (for the export; no list in memory). Call it in a
     * transaction, or the driver reads every row before the first one is handed on.
     */
    public void each(Filter filter, Consumer<Entry> sink) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        streaming.query("SELECT " + COLUMNS + " FROM credit_check_register" + where + ORDER,
                (RowCallbackHandler) rs -> sink.accept(entry(rs)), args.toArray());
    }

    private static String where(Filter f, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (f.agency() != null) {
            conditions.add("agency_code = ?");
            args.add(f.agency());
        }
        if (f.subjectKey() != null) {
            conditions.add("subject_key = ?");
            args.add(f.subjectKey());
        }
        if (f.from() != null) {
            conditions.add("checked_at >= ?");
            args.add(f.from().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            conditions.add("checked_at < ?");
            args.add(f.to().atOffset(ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("checked_at", OffsetDateTime.class).toInstant(),
                rs.getString("agency_code"), rs.getString("user_id"), rs.getString("scenario"),
                CheckRequest.By.valueOf(rs.getString("queried_by")), rs.getString("subject_key"),
                rs.getString("masked_id"), rs.getInt("result_count"));
    }
}
