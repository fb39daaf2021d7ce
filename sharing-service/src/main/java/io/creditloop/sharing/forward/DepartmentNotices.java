package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** R6: what each department was told about its refused records, newest first. */
@Repository
public class DepartmentNotices {

    private final JdbcClient jdbc;

    public DepartmentNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One notice per forward: false if this forward's refusal was already noticed. */
    public boolean insert(DepartmentNotice n) {
        return jdbc.sql("""
                        INSERT INTO department_notice (notice_id, department, forward_id, listing_id, listing_version,
                            platform, action, reason, created_at)
                        VALUES (:id, :department, :forwardId, :listingId, :version, :platform, :action, :reason, :at)
                        ON CONFLICT (forward_id) DO NOTHING""")
                .param("id", n.noticeId())
                .param("department", n.department())
                .param("forwardId", n.forwardId())
                .param("listingId", n.listingId())
                .param("version", n.listingVersion())
                .param("platform", n.platform())
                .param("action", n.action().name())
                .param("reason", n.reason())
                .param("at", Timestamp.from(n.createdAt()))
                .update() == 1;
    }

    public List<DepartmentNotice> ofDepartment(String department, int page, int size) {
        return jdbc.sql("""
                        SELECT * FROM department_notice WHERE department = :department
                        ORDER BY created_at DESC, notice_id LIMIT :limit OFFSET :offset""")
                .param("department", department)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(ROW)
                .list();
    }

    public long countOfDepartment(String department) {
        return jdbc.sql("SELECT count(*) FROM department_notice WHERE department = :department")
                .param("department", department).query(Long.class).single();
    }

    private static final RowMapper<DepartmentNotice> ROW = (rs, n) -> new DepartmentNotice(
            rs.getObject("notice_id", UUID.class),
            rs.getString("department"),
            rs.getObject("forward_id", UUID.class),
            rs.getObject("listing_id", UUID.class),
            rs.getLong("listing_version"),
            rs.getString("platform"),
            ForwardAction.valueOf(rs.getString("action")),
            rs.getString("reason"),
            rs.getTimestamp("created_at").toInstant());
}
