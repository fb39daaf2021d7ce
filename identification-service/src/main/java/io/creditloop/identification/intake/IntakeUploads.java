package io.creditloop.identification.intake;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Uploads, the outcome of each row they held, and why rows were rejected. */
@Repository
public class IntakeUploads {

    private static final RowMapper<IntakeUpload> UPLOAD = (rs, n) -> new IntakeUpload(
            rs.getObject("id", UUID.class),
            rs.getString("department"),
            rs.getString("list_type"),
            rs.getString("file_name"),
            Path.of(rs.getString("stored_path")),
            rs.getLong("size_bytes"),
            rs.getString("sha256"),
            SpreadsheetFormat.valueOf(rs.getString("format")),
            rs.getString("template"),
            rs.getString("notes") == null ? List.of() : List.of(rs.getString("notes").split("\n")),
            UploadState.valueOf(rs.getString("state")),
            new Progress(rs.getLong("rows_read"), rs.getLong("accepted"), rs.getLong("rejected"),
                    rs.getLong("duplicates")),
            rs.getInt("attempts"),
            instant(rs, "received_at"),
            instant(rs, "started_at"),
            instant(rs, "finished_at"),
            rs.getString("failure_reason"),
            rs.getString("request_id"));

    private static final RowMapper<Rejection> REJECTION = (rs, n) -> new Rejection(rs.getString("sheet"),
            rs.getInt("sheet_index"), rs.getInt("row_number"), rs.getInt("seq"), rs.getString("column_header"),
            rs.getString("field"), rs.getString("message"));

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public IntakeUploads(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One row's outcome, for {@link #recordRows}. */
    public record RowRecord(int sheetIndex, int row, RowOutcome outcome, UUID listingId) {
    }

    /** {@link #recordRow} for a chunk of rows, in batched statements, in the transaction that wrote them. */
    public void recordRows(UUID uploadId, List<RowRecord> rows) {
        batch.batchUpdate("""
                INSERT INTO intake_row (upload_id, sheet_index, row_number, outcome, listing_id)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows, 1000, (ps, r) -> {
                    ps.setObject(1, uploadId);
                    ps.setInt(2, r.sheetIndex());
                    ps.setInt(3, r.row());
                    ps.setString(4, r.outcome().name());
                    ps.setObject(5, r.listingId(), java.sql.Types.OTHER);
                });
    }

    /** {@link #addRejection} for a chunk's rejections, in batched statements. */
    public void addRejections(UUID uploadId, List<Rejection> rejections) {
        batch.batchUpdate("""
                INSERT INTO intake_rejection (upload_id, sheet_index, sheet, row_number, seq, column_header, field,
                    message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rejections, 1000, (ps, r) -> {
                    ps.setObject(1, uploadId);
                    ps.setInt(2, r.sheetIndex());
                    ps.setString(3, r.sheet());
                    ps.setInt(4, r.row());
                    ps.setInt(5, r.seq());
                    ps.setString(6, r.column());
                    ps.setString(7, r.field());
                    ps.setString(8, r.message());
                });
    }

    public void insert(IntakeUpload u) {
        jdbc.sql("""
                        INSERT INTO intake_upload (id, department, list_type, file_name, stored_path, size_bytes,
                            sha256, format, template, notes, state, received_at, request_id)
                        VALUES (:id, :department, :listType, :fileName, :storedPath, :size, :sha256, :format, :template,
                            :notes, :state, :receivedAt, :requestId)""")
                .param("id", u.id())
                .param("department", u.department())
                .param("listType", u.listType())
                .param("fileName", u.fileName())
                .param("storedPath", u.storedPath().toString())
                .param("size", u.sizeBytes())
                .param("sha256", u.sha256())
                .param("format", u.format().name())
                .param("template", u.template())
                .param("notes", u.notes().isEmpty() ? null : String.join("\n", u.notes()))
                .param("state", u.state().name())
                .param("receivedAt", Timestamp.from(u.receivedAt()))
                .param("requestId", u.requestId())
                .update();
    }

    public Optional<IntakeUpload> find(UUID id) {
        return jdbc.sql("SELECT * FROM intake_upload WHERE id = :id").param("id", id).query(UPLOAD).optional();
    }

    /** Takes the oldest waiting upload for this worker; concurrent workers never take the same one. */
    public Optional<IntakeUpload> claimNext(Instant now) {
        return jdbc.sql("""
                        UPDATE intake_upload SET state = 'RUNNING', attempts = attempts + 1,
                            started_at = COALESCE(started_at, :now), heartbeat_at = now()
                        WHERE id = (SELECT id FROM intake_upload WHERE state = 'RECEIVED'
                                    ORDER BY received_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("now", Timestamp.from(now))
                .query(UPLOAD)
                .optional();
    }

    /**
     * Queues again the uploads whose instance stopped beating (it died): they resume after their last finished chunk.
     * The database's clock judges the heartbeats, so instances with skewed clocks agree.
     */
    public int requeueAbandoned(java.time.Duration leaseTimeout) {
        return jdbc.sql("""
                        UPDATE intake_upload SET state = 'RECEIVED'
                        WHERE state = 'RUNNING'
                          AND (heartbeat_at IS NULL OR heartbeat_at < now() - CAST(:lease AS interval))""")
                .param("lease", leaseTimeout.toMillis() + " milliseconds")
                .update();
    }

    /**
     * Thrown when this instance's claim on an upload is no longer the upload's current one: another instance took it
     * over after the lease ran out (SCALE-OUT F2). The claim is the upload's {@code attempts} when it was claimed;
     * every write of progress and outcome names it, so a stale instance writes nothing more.
     */
    public static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID id) {
            super("intake upload " + id + " was taken over by another instance", null, false, false);
        }
    }

    /** This instance is alive and still working on these uploads (upload id → its claim). */
    public void heartbeat(java.util.Map<UUID, Integer> running) {
        jdbc.sql("""
                        UPDATE intake_upload u SET heartbeat_at = now()
                        FROM unnest(:ids, :claims) AS mine(id, claim)
                        WHERE u.id = mine.id AND u.attempts = mine.claim AND u.state = 'RUNNING'""")
                .param("ids", running.keySet().toArray(UUID[]::new))
                .param("claims", running.keySet().stream().map(running::get).toArray(Integer[]::new))
                .update();
    }

    /** A graceful stop hands the upload back at once, with its counters, for any instance to resume. */
    public void release(UUID id, int claim, Progress p) {
        jdbc.sql("""
                        UPDATE intake_upload SET state = 'RECEIVED', rows_read = :read, accepted = :accepted,
                            rejected = :rejected, duplicates = :duplicates, heartbeat_at = NULL
                        WHERE id = :id AND state = 'RUNNING' AND attempts = :claim""")
                .param("claim", claim)
                .param("read", p.rowsRead())
                .param("accepted", p.accepted())
                .param("rejected", p.rejected())
                .param("duplicates", p.duplicates())
                .param("id", id)
                .update();
    }

    /** Progress of a claimed upload; throws {@link LeaseLost} (rolling back a chunk it is part of) if not ours. */
    public void progress(UUID id, int claim, Progress p) {
        int updated = jdbc.sql("""
                        UPDATE intake_upload SET rows_read = :read, accepted = :accepted, rejected = :rejected,
                            duplicates = :duplicates, heartbeat_at = now()
                        WHERE id = :id AND state = 'RUNNING' AND attempts = :claim""")
                .param("claim", claim)
                .param("read", p.rowsRead())
                .param("accepted", p.accepted())
                .param("rejected", p.rejected())
                .param("duplicates", p.duplicates())
                .param("id", id)
                .update();
        if (updated == 0) {
            throw new LeaseLost(id);
        }
    }

    /** The outcome of a claimed upload; throws {@link LeaseLost} if another instance has taken it over. */
    public void finish(UUID id, int claim, UploadState state, Progress p, Instant at, String failureReason) {
        int updated = jdbc.sql("""
                        UPDATE intake_upload SET state = :state, rows_read = :read, accepted = :accepted,
                            rejected = :rejected, duplicates = :duplicates, finished_at = :at, failure_reason = :reason
                        WHERE id = :id AND state = 'RUNNING' AND attempts = :claim""")
                .param("claim", claim)
                .param("state", state.name())
                .param("read", p.rowsRead())
                .param("accepted", p.accepted())
                .param("rejected", p.rejected())
                .param("duplicates", p.duplicates())
                .param("at", Timestamp.from(at))
                .param("reason", failureReason)
                .param("id", id)
                .update();
        if (updated == 0) {
            throw new LeaseLost(id);
        }
    }

    /** The row's outcome; call it in the transaction that wrote the row's listing or rejections. */
    public void recordRow(UUID uploadId, int sheetIndex, int row, RowOutcome outcome, UUID listingId) {
        jdbc.sql("""
                        INSERT INTO intake_row (upload_id, sheet_index, row_number, outcome, listing_id)
                        VALUES (:upload, :sheet, :row, :outcome, :listing) ON CONFLICT DO NOTHING""")
                .param("upload", uploadId)
                .param("sheet", sheetIndex)
                .param("row", row)
                .param("outcome", outcome.name())
                .param("listing", listingId)
                .update();
    }

    public void addRejection(UUID uploadId, Rejection r) {
        jdbc.sql("""
                        INSERT INTO intake_rejection (upload_id, sheet_index, sheet, row_number, seq, column_header,
                            field, message)
                        VALUES (:upload, :sheetIndex, :sheet, :row, :seq, :column, :field, :message)
                        ON CONFLICT DO NOTHING""")
                .param("upload", uploadId)
                .param("sheetIndex", r.sheetIndex())
                .param("sheet", r.sheet())
                .param("row", r.row())
                .param("seq", r.seq())
                .param("column", r.column())
                .param("field", r.field())
                .param("message", r.message())
                .update();
    }

    /** The outcomes recorded so far: exact, whatever the counters said when a crash interrupted the upload. */
    public Progress countOutcomes(UUID uploadId) {
        long[] counts = new long[RowOutcome.values().length];
        jdbc.sql("SELECT outcome, count(*) AS n FROM intake_row WHERE upload_id = :id GROUP BY outcome")
                .param("id", uploadId)
                .query((rs, n) -> counts[RowOutcome.valueOf(rs.getString("outcome")).ordinal()] = rs.getLong("n"))
                .list();
        long accepted = counts[RowOutcome.ACCEPTED.ordinal()];
        long duplicates = counts[RowOutcome.DUPLICATE.ordinal()];
        long rejected = counts[RowOutcome.REJECTED.ordinal()];
        return new Progress(accepted + duplicates + rejected, accepted, rejected, duplicates);
    }

    /** Rows are finished in file order, so every row up to the last one recorded is done. */
    public Optional<int[]> lastRow(UUID uploadId) {
        return jdbc.sql("""
                        SELECT sheet_index, row_number FROM intake_row WHERE upload_id = :id
                        ORDER BY sheet_index DESC, row_number DESC LIMIT 1""")
                .param("id", uploadId)
                .query((rs, n) -> new int[] {rs.getInt("sheet_index"), rs.getInt("row_number")})
                .optional();
    }

    public List<Rejection> rejections(UUID uploadId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM intake_rejection WHERE upload_id = :id
                        ORDER BY sheet_index, row_number, seq OFFSET :offset LIMIT :limit""")
                .param("id", uploadId)
                .param("offset", offset)
                .param("limit", limit)
                .query(REJECTION)
                .list();
    }

    public long countRejections(UUID uploadId) {
        return jdbc.sql("SELECT count(*) FROM intake_rejection WHERE upload_id = :id")
                .param("id", uploadId)
                .query(Long.class)
                .single();
    }

    /** The next rejections of a sheet after {@code afterRow}, in row order, for streaming the report. */
    public List<Rejection> rejectionsAfter(UUID uploadId, int sheetIndex, int afterRow, int limit) {
        return jdbc.sql("""
                        SELECT * FROM intake_rejection
                        WHERE upload_id = :id AND sheet_index = :sheet AND row_number > :after
                        ORDER BY row_number, seq LIMIT :limit""")
                .param("id", uploadId)
                .param("sheet", sheetIndex)
                .param("after", afterRow)
                .param("limit", limit)
                .query(REJECTION)
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
