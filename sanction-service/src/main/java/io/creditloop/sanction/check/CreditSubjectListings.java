package io.creditloop.sanction.check;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The credit check's read model, table {@code credit_subject_listing}: listings by subject key, USCC and name. */
@Repository
public class CreditSubjectListings {

    private static final String COLUMNS = """
            listing_id, version, subject_key, subject_type, name, uscc, masked_id, list_type_code, list_type_name,
            list_kind, department, valid_from, valid_until""";
    private static final String IN_FORCE = " status = 'IN_FORCE' AND valid_from <= :today"
            + " AND (valid_until IS NULL OR valid_until >= :today) ";
    private static final RowMapper<SubjectListing> ROW = (rs, n) -> new SubjectListing(
            rs.getObject("listing_id", UUID.class), rs.getLong("version"), rs.getString("subject_key"),
            SubjectType.valueOf(rs.getString("subject_type")), rs.getString("name"), rs.getString("uscc"),
            rs.getString("masked_id"), rs.getString("list_type_code"), rs.getString("list_type_name"),
            ListKind.valueOf(rs.getString("list_kind")), rs.getString("department"),
            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class));

    private final JdbcClient jdbc;
    /** The schema pg_trgm was installed in (this service's, or another's that installed it first); looked up once. */
    private volatile String trgmSchema;

    public CreditSubjectListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces the listing with its latest state; the caller has checked the version is newer. */
    public void save(SubjectListing l, NamePinyin pinyin) {
        jdbc.sql("INSERT INTO credit_subject_listing (" + COLUMNS + """
                        , name_pinyin, name_initials, status) VALUES (:id, :version, :key, :type, :name, :uscc,
                        :masked, :code, :typeName, :kind, :department, :from, :until, :pinyin, :initials, 'IN_FORCE')
                        ON CONFLICT (listing_id) DO UPDATE SET version = EXCLUDED.version,
                        subject_key = EXCLUDED.subject_key, subject_type = EXCLUDED.subject_type,
                        name = EXCLUDED.name, uscc = EXCLUDED.uscc, masked_id = EXCLUDED.masked_id,
                        list_type_code = EXCLUDED.list_type_code, list_type_name = EXCLUDED.list_type_name,
                        list_kind = EXCLUDED.list_kind, department = EXCLUDED.department,
                        valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until,
                        name_pinyin = EXCLUDED.name_pinyin, name_initials = EXCLUDED.name_initials,
                        status = 'IN_FORCE', exit_reason = NULL, updated_at = now()""")
                .param("id", l.listingId())
                .param("version", l.version())
                .param("key", l.subjectKey())
                .param("type", l.subjectType().name())
                .param("name", l.name())
                .param("uscc", l.uscc())
                .param("masked", l.maskedId())
                .param("code", l.listTypeCode())
                .param("typeName", l.listTypeName())
                .param("kind", l.kind().name())
                .param("department", l.department())
                .param("from", l.validFrom())
                .param("until", l.validUntil())
                .param("pinyin", pinyin.full())
                .param("initials", pinyin.initials())
                .update();
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

    public List<SubjectListing> inForceBySubjectKey(String subjectKey, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_subject_listing WHERE subject_key = :key AND" + IN_FORCE
                        + "ORDER BY list_kind, valid_from, listing_id")
                .param("key", subjectKey)
                .param("today", today)
                .query(ROW)
                .list();
    }

    public List<SubjectListing> inForceByUscc(String uscc, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_subject_listing WHERE uscc = :uscc AND" + IN_FORCE
                        + "ORDER BY list_kind, valid_from, listing_id")
                .param("uscc", uscc)
                .param("today", today)
                .query(ROW)
                .list();
    }

    /** Listings in force under exactly this name, at most {@code limit} rows. */
    public List<SubjectListing> inForceByName(String name, LocalDate today, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_subject_listing WHERE name = :name AND" + IN_FORCE
                        + "ORDER BY subject_key, list_kind, valid_from LIMIT :limit")
                .param("name", name)
                .param("today", today)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /**
     * Listings in force whose name is like the query: the exact name, a name containing it, a trigram-similar name
     * (pg_trgm's {@code %}), the same pinyin (homophones, 黄石 / 黄实), or for a latin query a name whose pinyin or
     * initials start with it. Best matches first, at most {@code limit} rows.
     */
    public List<SubjectListing> inForceByNameLike(String query, LocalDate today, int limit) {
        String trgm = trgmSchema();
        boolean latin = NamePinyin.isLatin(NamePinyin.normalisedLatin(query));
        String pinyin = latin ? NamePinyin.normalisedLatin(query) : NamePinyin.of(query).full();
        String match = latin
                ? "(name_pinyin LIKE :prefix OR name_initials LIKE :prefix OR name = :name)"
                : "(name = :name OR name LIKE :contains OR name OPERATOR(" + trgm + ".%) :name"
                        + (pinyin.isEmpty() ? "" : " OR name_pinyin = :pinyin") + ")";
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_subject_listing WHERE " + match + " AND" + IN_FORCE
                        + "ORDER BY (name = :name) DESC, " + trgm + ".similarity(name, :name) DESC, "
                        + "subject_key, list_kind, valid_from LIMIT :limit")
                .param("name", query)
                .param("contains", "%" + likeEscaped(query) + "%")
                .param("prefix", likeEscaped(pinyin) + "%")
                .param("pinyin", pinyin)
                .param("today", today)
                .param("limit", limit)
                .query(ROW)
                .list();
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
