package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.identification.catalog.ListTypeEntry;
import io.creditloop.messaging.CopyRows;
import io.creditloop.security.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/** Listings and their event history; the version column guards against lost updates. */
@Repository
public class Listings {

    private static final String SELECT = """
            SELECT l.*, t.name AS lt_name, t.kind AS lt_kind, t.domain AS lt_domain, t.department AS lt_department,
                   t.basis AS lt_basis, t.default_validity AS lt_default_validity, t.repair_mode AS lt_repair_mode,
                   t.gray_published AS lt_gray_published, t.publicity_working_days AS lt_publicity_days,
                   t.gray_list_type AS lt_gray_list_type
            FROM listing l JOIN list_type t ON t.code = l.list_type_code AND t.version = l.list_type_version
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    /** Issue 8, R16: ID numbers (the subject's, a legal representative's) are stored encrypted. */
    private final PersonalDataCipher cipher;
    private final RowMapper<Listing> row;

    public Listings(JdbcClient jdbc, JdbcTemplate batch, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.cipher = cipher;
        this.row = rowMapper(cipher);
    }

    /** One entry of a listing's immutable history. */
    public record HistoryEntry(UUID listingId, long version, String type, Instant at, String detail) {
    }

    /**
     * New listings in whatever state identification left them, in one {@code COPY} (intake of large uploads, issue 9);
     * their history goes in with {@link #appendEvents}. ID numbers are sealed as by {@link #insert}.
     */
    public void insertAll(List<Listing> fresh) {
        CopyRows rows = new CopyRows("listing", "id", "version", "status", "submission_id", "list_type_code",
                "list_type_version", "subject_type", "subject_key", "subject_name", "uscc", "id_type", "id_number",
                "legal_representative", "reason", "basis", "department", "recognition_date", "valid_from",
                "valid_until", "organisation_code", "lei", "note", "warnings", "legal_representative_id_number",
                "confirmed_at", "notice_date", "publicity_ends_on", "objection", "decision");
        for (Listing l : fresh) {
            ListedSubject s = l.subject();
            rows.row(l.id(), l.version(), l.status().name(), l.submissionId(), l.listType().code(),
                    l.listType().version(), s.type().name(), s.key(), s.name(), s.uscc(), s.idType(),
                    cipher.encrypt(s.idNumber()), s.legalRepresentative(), l.reason(), l.basis(), l.department(),
                    l.recognitionDate(), l.validFrom(), l.validUntil(), s.organisationCode(), s.lei(), l.note(),
                    l.warnings().isEmpty() ? null : String.join("\n", l.warnings()),
                    cipher.encrypt(s.legalRepresentativeIdNumber()), l.confirmedAt(), l.noticeDate(),
                    l.publicityEndsOn(), l.objection(), l.decision());
        }
        rows.copy(batch);
    }

    /** History entries in one {@code COPY}. */
    public void appendEvents(List<HistoryEntry> entries) {
        CopyRows rows = new CopyRows("listing_event", "listing_id", "version", "type", "occurred_at", "detail");
        for (HistoryEntry e : entries) {
            rows.row(e.listingId(), e.version(), e.type(), e.at(), e.detail());
        }
        rows.copy(batch);
    }

    /**
     * The listings made by earlier submissions, by {@code department + "\n" + submissionId}; one statement for a
     * whole batch.
     */
    public Map<String, UUID> findIdsBySubmission(List<String> departmentAndSubmission) {
        if (departmentAndSubmission.isEmpty()) {
            return Map.of();
        }
        String[] departments = new String[departmentAndSubmission.size()];
        String[] submissions = new String[departmentAndSubmission.size()];
        for (int i = 0; i < departments.length; i++) {
            String[] parts = departmentAndSubmission.get(i).split("\n", 2);
            departments[i] = parts[0];
            submissions[i] = parts[1];
        }
        Map<String, UUID> found = new HashMap<>();
        jdbc.sql("""
                        SELECT l.department, l.submission_id, l.id FROM listing l
                        WHERE (l.department, l.submission_id) IN
                              (SELECT d, s FROM unnest(CAST(:departments AS text[]), CAST(:submissions AS text[])) AS u (d, s))""")
                .param("departments", departments)
                .param("submissions", submissions)
                .query((rs, n) -> found.put(rs.getString(1) + "\n" + rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
        return found;
    }

    /**
     * {@link #lockSubject} for many subjects, always in the same order, so two batches sharing subjects cannot
     * deadlock.
     */
    public void lockSubjects(Collection<String> subjectKeys) {
        if (subjectKeys.isEmpty()) {
            return;
        }
        String[] sorted = subjectKeys.stream().sorted().toArray(String[]::new);
        jdbc.sql("""
                        SELECT pg_advisory_xact_lock(hashtextextended(k, 0))
                        FROM unnest(CAST(:keys AS text[])) WITH ORDINALITY AS u (k, n) ORDER BY n""")
                .param("keys", sorted)
                .query((rs, n) -> 1)
                .list();
    }

    /** Which of these subjects already have a listing, in any status. */
    public Set<String> subjectsWithListings(Collection<String> subjectKeys) {
        if (subjectKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT subject_key FROM listing WHERE subject_key = ANY(CAST(:keys AS text[]))""")
                .param("keys", subjectKeys.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    public void insert(Listing l) {
        ListedSubject s = l.subject();
        jdbc.sql("""
                        INSERT INTO listing (id, version, status, submission_id, list_type_code, list_type_version,
                            subject_type, subject_key, subject_name, uscc, id_type, id_number, legal_representative,
                            reason, basis, department, recognition_date, valid_from, valid_until, organisation_code,
                            lei, note, warnings, legal_representative_id_number)
                        VALUES (:id, :version, :status, :submissionId, :ltCode, :ltVersion, :subjectType, :subjectKey,
                            :name, :uscc, :idType, :idNumber, :legalRep, :reason, :basis, :department,
                            :recognitionDate, :validFrom, :validUntil, :organisationCode, :lei, :note, :warnings,
                            :legalRepId)""")
                .param("id", l.id())
                .param("version", l.version())
                .param("status", l.status().name())
                .param("submissionId", l.submissionId())
                .param("ltCode", l.listType().code())
                .param("ltVersion", l.listType().version())
                .param("subjectType", s.type().name())
                .param("subjectKey", s.key())
                .param("name", s.name())
                .param("uscc", s.uscc())
                .param("idType", s.idType())
                .param("idNumber", cipher.encrypt(s.idNumber()))
                .param("legalRep", s.legalRepresentative())
                .param("reason", l.reason())
                .param("basis", l.basis())
                .param("department", l.department())
                .param("recognitionDate", l.recognitionDate())
                .param("validFrom", l.validFrom())
                .param("validUntil", l.validUntil())
                .param("organisationCode", s.organisationCode())
                .param("lei", s.lei())
                .param("legalRepId", cipher.encrypt(s.legalRepresentativeIdNumber()))
                .param("note", l.note())
                .param("warnings", l.warnings().isEmpty() ? null : String.join("\n", l.warnings()))
                .update();
    }

    /** Stores the listing's new state if nobody changed it since {@code expectedVersion}. */
    public void update(Listing l, long expectedVersion) {
        int updated = jdbc.sql("""
                        UPDATE listing SET version = :version, status = :status, confirmed_at = :confirmedAt,
                            exit_reason = :exitReason, exit_date = :exitDate, exit_note = :exitNote, exited_at = :exitedAt,
                            notice_date = :noticeDate, publicity_ends_on = :publicityEndsOn, objection = :objection,
                            decision = :decision
                        WHERE id = :id AND version = :expected""")
                .param("version", l.version())
                .param("status", l.status().name())
                .param("confirmedAt", timestamp(l.confirmedAt()))
                .param("exitReason", l.exitReason() == null ? null : l.exitReason().name())
                .param("exitDate", l.exitDate())
                .param("exitNote", l.exitNote())
                .param("exitedAt", timestamp(l.exitedAt()))
                .param("noticeDate", l.noticeDate())
                .param("publicityEndsOn", l.publicityEndsOn())
                .param("objection", l.objection())
                .param("decision", l.decision())
                .param("id", l.id())
                .param("expected", expectedVersion)
                .update();
        if (updated != 1) {
            throw new ListingStateException("listing " + l.id() + " was changed concurrently; retry");
        }
    }

    /** The immutable history: one row per version. */
    public void appendEvent(Listing l, String type, Instant at, String detail) {
        jdbc.sql("INSERT INTO listing_event (listing_id, version, type, occurred_at, detail) "
                        + "VALUES (:id, :version, :type, :at, :detail)")
                .param("id", l.id())
                .param("version", l.version())
                .param("type", type)
                .param("at", timestamp(at))
                .param("detail", detail)
                .update();
    }

    public Optional<Listing> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE l.id = :id").param("id", id).query(row).optional();
    }

    /** R13: flags the confirmed listings made under versions older than {@code version}; returns how many. */
    public int flagForStandardReview(String listTypeCode, int version) {
        return jdbc.sql("""
                        UPDATE listing SET standard_review = TRUE
                        WHERE list_type_code = :code AND list_type_version < :version AND status = 'CONFIRMED'""")
                .param("code", listTypeCode).param("version", version).update();
    }

    /** Listings of a list type awaiting the department's review after a standard change. */
    public List<Listing> awaitingStandardReview(String listTypeCode) {
        return jdbc.sql(SELECT + " WHERE l.list_type_code = :code AND l.standard_review AND l.status = 'CONFIRMED'"
                        + " ORDER BY l.recognition_date")
                .param("code", listTypeCode).query(row).list();
    }

    public void clearStandardReview(UUID id) {
        jdbc.sql("UPDATE listing SET standard_review = FALSE WHERE id = :id").param("id", id).update();
    }

    /** Serialises the transitions of one subject until the transaction ends (R4, R5, R14 cross-checks). */
    public void lockSubject(String subjectKey) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", subjectKey)
                .query((rs, n) -> 1).list();
    }

    /** Every listing of one subject, any status. */
    public List<Listing> findBySubject(String subjectKey) {
        return jdbc.sql(SELECT + " WHERE l.subject_key = :key ORDER BY l.created_at").param("key", subjectKey)
                .query(row).list();
    }

    /** Ids of listings whose publicity ended before {@code today}, locked for this transaction only. */
    public List<UUID> publicityEndedBefore(LocalDate today, int limit) {
        return jdbc.sql("""
                        SELECT id FROM listing WHERE status = 'IN_PUBLICITY' AND publicity_ends_on < :today
                        ORDER BY publicity_ends_on LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("today", today).param("limit", limit).query(UUID.class).list();
    }

    /** Ids of confirmed listings whose validity ended before {@code today}, locked for this transaction only. */
    public List<UUID> validityEndedBefore(LocalDate today, int limit) {
        return jdbc.sql("""
                        SELECT id FROM listing WHERE status = 'CONFIRMED' AND valid_until < :today
                        ORDER BY valid_until LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("today", today).param("limit", limit).query(UUID.class).list();
    }

    /** The listing row itself, locked: transitions of one listing never run concurrently. */
    public Optional<Listing> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " WHERE l.id = :id FOR UPDATE OF l").param("id", id).query(row).optional();
    }

    public Optional<Listing> findBySubmission(String department, String submissionId) {
        return jdbc.sql(SELECT + " WHERE l.department = :department AND l.submission_id = :submissionId")
                .param("department", department)
                .param("submissionId", submissionId)
                .query(row)
                .optional();
    }

    private static RowMapper<Listing> rowMapper(PersonalDataCipher cipher) {
        return (rs, n) -> new Listing(
            rs.getObject("id", UUID.class),
            rs.getString("submission_id"),
            new ListTypeEntry(rs.getString("list_type_code"), rs.getInt("list_type_version"), rs.getString("lt_name"),
                    ListKind.valueOf(rs.getString("lt_kind")), rs.getString("lt_domain"),
                    rs.getString("lt_department"), rs.getString("lt_basis"), rs.getString("lt_default_validity"),
                    rs.getString("lt_repair_mode"), rs.getBoolean("lt_gray_published"), rs.getInt("lt_publicity_days"),
                    rs.getString("lt_gray_list_type")),
            new ListedSubject(SubjectType.valueOf(rs.getString("subject_type")), rs.getString("subject_name"),
                    rs.getString("uscc"), rs.getString("id_type"), cipher.decrypt(rs.getString("id_number")),
                    rs.getString("legal_representative"), rs.getString("subject_key"),
                    rs.getString("organisation_code"), rs.getString("lei"),
                    cipher.decrypt(rs.getString("legal_representative_id_number"))),
            rs.getString("reason"),
            rs.getString("basis"),
            rs.getString("department"),
            date(rs, "recognition_date"),
            date(rs, "valid_from"),
            date(rs, "valid_until"),
            rs.getLong("version"),
            ListingStatus.valueOf(rs.getString("status")),
            instant(rs, "confirmed_at"),
            rs.getString("exit_reason") == null ? null : ExitReason.valueOf(rs.getString("exit_reason")),
            date(rs, "exit_date"),
            rs.getString("exit_note"),
            instant(rs, "exited_at"),
            rs.getString("note"),
            rs.getString("warnings") == null ? List.of() : List.of(rs.getString("warnings").split("\n")))
            .withSteps(date(rs, "notice_date"), date(rs, "publicity_ends_on"), rs.getString("objection"),
                    rs.getString("decision"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
