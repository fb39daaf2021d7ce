package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Exit announcements (table {@code exit_announcement}), one per listing. */
@Repository
public class ExitAnnouncements {

    private final JdbcClient jdbc;

    public ExitAnnouncements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the announcement unless the listing already has one (a listing exits once). */
    public void add(ExitAnnouncement a) {
        jdbc.sql("""
                        INSERT INTO exit_announcement (listing_id, list_kind, list_type_code, list_type_name,
                            subject_type, subject_name, uscc, id_number_masked, recognising_department, exit_reason,
                            exit_date, note, announced_at)
                        VALUES (:listingId, :listKind, :listTypeCode, :listTypeName, :subjectType, :subjectName,
                            :uscc, :idNumberMasked, :department, :exitReason, :exitDate, :note, :announcedAt)
                        ON CONFLICT (listing_id) DO NOTHING""")
                .param("listingId", a.listingId())
                .param("listKind", a.listKind().name())
                .param("listTypeCode", a.listTypeCode())
                .param("listTypeName", a.listTypeName())
                .param("subjectType", a.subjectType().name())
                .param("subjectName", a.subjectName())
                .param("uscc", a.uscc())
                .param("idNumberMasked", a.maskedIdNumber())
                .param("department", a.recognisingDepartment())
                .param("exitReason", a.exitReason().name())
                .param("exitDate", a.exitDate())
                .param("note", a.note())
                .param("announcedAt", a.announcedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * R13: the announcements public {@code today} ({@link PublicWindow#announces}: exit date from {@code oldest} to
     * today), newest first, then by listing id.
     */
    public Page<ExitAnnouncement> page(LocalDate oldest, LocalDate today, int page, int size) {
        List<ExitAnnouncement> items = jdbc.sql("""
                        SELECT * FROM exit_announcement WHERE exit_date BETWEEN :oldest AND :today
                        ORDER BY announced_at DESC, listing_id LIMIT :limit OFFSET :offset""")
                .param("oldest", oldest)
                .param("today", today)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(ExitAnnouncements::announcement)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM exit_announcement WHERE exit_date BETWEEN :oldest AND :today")
                .param("oldest", oldest)
                .param("today", today)
                .query(Long.class)
                .single();
        return new Page<>(items, page, size, total);
    }

    private static ExitAnnouncement announcement(ResultSet rs, int row) throws SQLException {
        return new ExitAnnouncement(
                rs.getObject("listing_id", UUID.class),
                ListKind.valueOf(rs.getString("list_kind")),
                rs.getString("list_type_code"),
                rs.getString("list_type_name"),
                SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_name"),
                rs.getString("uscc"),
                rs.getString("id_number_masked"),
                rs.getString("recognising_department"),
                ExitReason.valueOf(rs.getString("exit_reason")),
                rs.getObject("exit_date", LocalDate.class),
                rs.getString("note"),
                rs.getObject("announced_at", OffsetDateTime.class).toInstant());
    }
}
