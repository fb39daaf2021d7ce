package io.creditloop.sanction.check;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.messaging.BatchRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The credit check's read model, table {@code credit_subject_listing}: listings by subject key, USCC and name. */
@Repository
public class CreditSubjectListings {

    private static final String COLUMNS = """
            listing_id, version, subject_key, subject_type, name, uscc, masked_id, list_type_code, list_type_name,
            list_kind, department, valid_from, valid_until""";
    /** {@code :today} is bound as text (issue 9: a {@code LocalDate} costs the driver a calendar per use). */
    private static final String IN_FORCE = " status = 'IN_FORCE' AND valid_from <= CAST(:today AS date)"
            + " AND (valid_until IS NULL OR valid_until >= CAST(:today AS date)) ";
    private static final RowMapper<SubjectListing> ROW = (rs, n) -> new SubjectListing(
            rs.getObject("listing_id", UUID.class), rs.getLong("version"), rs.getString("subject_key"),
            SubjectType.valueOf(rs.getString("subject_type")), rs.getString("name"), rs.getString("uscc"),
            rs.getString("masked_id"), rs.getString("list_type_code"), rs.getString("list_type_name"),
            ListKind.valueOf(rs.getString("list_kind")), rs.getString("department"),
            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    /** The statements of the checks that are not fuzzy, by how the subject is named and whether a person is keyed. */
    private final String[] plainStatements = new String[CheckRequest.By.values().length * 2];
    /** The schema pg_trgm was installed in (this service's, or another's that installed it first); looked up once. */
    private volatile String trgmSchema;

    public CreditSubjectListings(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    private static final String SAVE = "INSERT INTO credit_subject_listing (" + COLUMNS + """
            , name_pinyin, name_initials, status) VALUES (:id, :version, :key, :type, :name, :uscc,
            :masked, :code, :typeName, :kind, :department, :from, :until, :pinyin, :initials, 'IN_FORCE')
            ON CONFLICT (listing_id) DO UPDATE SET version = EXCLUDED.version,
            subject_key = EXCLUDED.subject_key, subject_type = EXCLUDED.subject_type,
            name = EXCLUDED.name, uscc = EXCLUDED.uscc, masked_id = EXCLUDED.masked_id,
            list_type_code = EXCLUDED.list_type_code, list_type_name = EXCLUDED.list_type_name,
            list_kind = EXCLUDED.list_kind, department = EXCLUDED.department,
            valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until,
            name_pinyin = EXCLUDED.name_pinyin, name_initials = EXCLUDED.name_initials,
            status = 'IN_FORCE', exit_reason = NULL, updated_at = now()""";

    /** Inserts or replaces the listing with its latest state; the caller has checked the version is newer. */
    public void save(SubjectListing l, NamePinyin pinyin) {
        jdbc.sql(SAVE).paramSource(params(l, pinyin)).update();
    }

    /**
     * {@link #save} for many listings as one JDBC batch (issue 9); {@code pinyin.get(i)} is listing i's. A listing
     * saved twice (confirmed, then corrected in the same poll) is written once, as it was last saved: the driver
     * sends the batch as multi-row INSERTs, which may not upsert one row twice ({@link BatchRows}).
     */
    public void saveAll(List<SubjectListing> listings, List<NamePinyin> pinyin) {
        if (listings.isEmpty()) {
            return;
        }
        List<SqlParameterSource> rows = new ArrayList<>(listings.size());
        for (int i = 0; i < listings.size(); i++) {
            rows.add(params(listings.get(i), pinyin.get(i)));
        }
        batches.batchUpdate(SAVE, BatchRows.lastPerKey(rows, row -> (UUID) row.getValue("id"))
                .toArray(SqlParameterSource[]::new));
    }

    private static MapSqlParameterSource params(SubjectListing l, NamePinyin pinyin) {
        return new MapSqlParameterSource()
                .addValue("id", l.listingId())
                .addValue("version", l.version())
                .addValue("key", l.subjectKey())
                .addValue("type", l.subjectType().name())
                .addValue("name", l.name())
                .addValue("uscc", l.uscc())
                .addValue("masked", l.maskedId())
                .addValue("code", l.listTypeCode())
                .addValue("typeName", l.listTypeName())
                .addValue("kind", l.kind().name())
                .addValue("department", l.department())
                .addValue("from", l.validFrom())
                .addValue("until", l.validUntil())
                .addValue("pinyin", pinyin.full())
                .addValue("initials", pinyin.initials());
    }

    /** R13: the listing left its list; its row stays, out of force. */
    public void exited(UUID listingId, long version, String reason) {
        jdbc.sql("""
                        UPDATE credit_subject_listing SET status = 'EXITED', version = :version, exit_reason = :reason,
                        updated_at = now() WHERE listing_id = :id""")
                .param("id", listingId)
                .param("version", version)
                .param("reason", reason)
                .update();
    }

    /**
     * One credit check in one statement, so one round trip: the listings in force for the subject as named and, in the
     * same statement (a data-modifying CTE), the R16 register entries of the persons it concerns
     * ({@link CheckRegister#registering}). Either both happen or neither.
     *
     * @param by    how the subject is named; {@code value} is then its USCC, its subject key (ID number, already
     *              keyed) or its name
     * @param fuzzy names only: besides the exact name, a name containing it, a trigram-similar name (pg_trgm's
     *              {@code %}), the same pinyin (homophones, 黄石 / 黄实), or for a latin query a name whose pinyin or
     *              initials start with it; best matches first
     * @param limit names only: at most this many listings
     */
    public List<SubjectListing> check(CheckRequest.By by, String value, boolean fuzzy, LocalDate today, int limit,
                                      CheckRegister.Registration registration) {
        String match;
        String order;
        boolean limited = by == CheckRequest.By.NAME;
        String pinyin = null;
        boolean latin = false;
        // issue 9: the statement of a check by USCC, ID number or exact name depends only on how the subject is named
        // and how it is registered, so it is built once (and its named parameters parsed once, not hashed anew)
        int shape = fuzzy ? -1 : by.ordinal() * 2 + (registration.personKey() != null ? 1 : 0);
        String sql = shape < 0 ? null : plainStatements[shape];
        switch (by) {
            case USCC -> {
                match = "uscc = :value";
                order = "list_kind, valid_from, listing_id";
            }
            case ID_NUMBER -> {
                match = "subject_key = :value";
                order = "list_kind, valid_from, listing_id";
            }
            default -> {
                if (fuzzy) {
                    String trgm = trgmSchema();
                    latin = NamePinyin.isLatin(NamePinyin.normalisedLatin(value));
                    pinyin = latin ? NamePinyin.normalisedLatin(value) : NamePinyin.of(value).full();
                    match = latin
                            ? "(name_pinyin LIKE :prefix OR name_initials LIKE :prefix OR name = :value)"
                            : "(name = :value OR name LIKE :contains OR name OPERATOR(" + trgm + ".%) :value"
                                    + (pinyin.isEmpty() ? "" : " OR name_pinyin = :pinyin") + ")";
                    order = "(name = :value) DESC, " + trgm + ".similarity(name, :value) DESC, "
                            + "subject_key, list_kind, valid_from";
                } else {
                    match = "name = :value";
                    order = "subject_key, list_kind, valid_from";
                }
            }
        }
        if (sql == null) {
            sql = "WITH found AS (SELECT " + COLUMNS + " FROM credit_subject_listing WHERE " + match + " AND"
                    + IN_FORCE + "ORDER BY " + order + (limited ? " LIMIT :limit" : "") + "), "
                    + CheckRegister.registering(registration)
                    + " SELECT " + COLUMNS + " FROM found ORDER BY " + order;
            if (shape >= 0) {
                plainStatements[shape] = sql;
            }
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("value", value)
                .param("today", today.toString());
        if (limited) {
            statement = statement.param("limit", limit);
        }
        if (fuzzy) {
            statement = statement.param("contains", "%" + likeEscaped(value) + "%")
                    .param("prefix", likeEscaped(pinyin) + "%");
            if (!latin && !pinyin.isEmpty()) {
                statement = statement.param("pinyin", pinyin);
            }
        }
        return CheckRegister.bind(statement, registration).query(ROW).list();
    }

    private String trgmSchema() {
        String schema = trgmSchema;
        if (schema == null) {
            schema = jdbc.sql("""
                            SELECT quote_ident(n.nspname) FROM pg_extension e
                            JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'""")
                    .query(String.class)
                    .single();
            trgmSchema = schema;
        }
        return schema;
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
