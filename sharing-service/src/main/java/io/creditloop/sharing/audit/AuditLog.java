package io.creditloop.sharing.audit;

import io.creditloop.contracts.audit.v1.PersonalDataRead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * R16: the personal-data audit log, table {@code personal_data_read}: every read of a natural person's unmasked data
 * in any service. Rows are only added (the table's triggers refuse anything else); a read is stored once, by its id.
 */
@Repository
public class AuditLog {

    /** What the credit office searches by; null fields do not filter. {@code to} is exclusive. */
    public record Filter(String subjectKey, String callerCode, String callerKind, String what, Instant from,
                         Instant to) {
    }

    private static final String COLUMNS = "read_id, read_at, caller_kind, caller_code, caller_subject, service, what,"
            + " resource_id, listing_id, subject_key, masked_id, purpose, request_id";
    /** Newest first; the id breaks ties of one instant. */
    private static final String ORDER = " ORDER BY read_at DESC, id DESC";

    private final JdbcClient jdbc;
    /** For the export: rows come in batches inside a read-only transaction, not all at once. */
    private final JdbcTemplate streaming;

    public AuditLog(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
    }

    /**
     * Stores a read; false if it was stored before (the same read delivered twice). A read of a listing already known
     * to be erroneous is stored without the masked ID number (R11).
     */
    public boolean add(PersonalDataRead r) {
        return jdbc.sql("INSERT INTO personal_data_read (" + COLUMNS + ") VALUES (:readId, :at, :kind, :code,"
                        + " :subject, :service, :what, :resource, :listing, :key, CASE WHEN EXISTS (SELECT 1 FROM"
                        + " erroneous_listing e WHERE e.listing_id = CAST(:listing AS uuid)) THEN NULL ELSE"
                        + " CAST(:masked AS text) END, :purpose, :request) ON CONFLICT (read_id) DO NOTHING")
                .param("readId", r.readId())
                .param("at", r.at().atOffset(ZoneOffset.UTC))
                .param("kind", r.callerKind())
                .param("code", r.callerCode() == null ? "" : r.callerCode())
                .param("subject", r.callerSubject() == null ? "" : r.callerSubject())
                .param("service", r.service())
                .param("what", r.what())
                .param("resource", r.resourceId())
                .param("listing", r.listingId())
                .param("key", r.subjectKey())
                .param("masked", r.maskedIdNumber())
                .param("purpose", r.purpose())
                .param("request", r.requestId())
                .update() == 1;
    }

    public List<PersonalDataRead> page(Filter filter, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM personal_data_read" + where + ORDER + " LIMIT ? OFFSET ?")
                .params(args).query((rs, n) -> read(rs)).list();
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return jdbc.sql("SELECT count(*) FROM personal_data_read" + where).params(args).query(Long.class).single();
    }

    /** Every matching read, newest first, one at a time; call it in a transaction so the driver streams. */
    public void each(Filter filter, Consumer<PersonalDataRead> sink) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        streaming.query("SELECT " + COLUMNS + " FROM personal_data_read" + where + ORDER,
                (RowCallbackHandler) rs -> sink.accept(read(rs)), args.toArray());
    }

    private static String where(Filter f, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        add(conditions, args, "subject_key = ?", f.subjectKey());
        add(conditions, args, "caller_code = ?", f.callerCode());
        add(conditions, args, "caller_kind = ?", f.callerKind());
        add(conditions, args, "what = ?", f.what());
        add(conditions, args, "read_at >= ?", f.from() == null ? null : f.from().atOffset(ZoneOffset.UTC));
        add(conditions, args, "read_at < ?", f.to() == null ? null : f.to().atOffset(ZoneOffset.UTC));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void add(List<String> conditions, List<Object> args, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            args.add(value);
        }
    }

    private static PersonalDataRead read(ResultSet rs) throws SQLException {
        return new PersonalDataRead(rs.getObject("read_id", UUID.class),
                rs.getObject("read_at", OffsetDateTime.class).toInstant(), rs.getString("caller_kind"),
                rs.getString("caller_code"), rs.getString("caller_subject"), rs.getString("service"),
                rs.getString("what"), rs.getString("resource_id"), rs.getObject("listing_id", UUID.class),
                rs.getString("subject_key"), rs.getString("masked_id"), rs.getString("purpose"),
                rs.getString("request_id"));
    }
}
