package io.creditloop.sharing.registry;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** R16: the register of queries of natural persons (table {@code query_register}); rows are only ever added. */
@Repository
public class QueryRegister {

    private final JdbcClient jdbc;

    public QueryRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(RegisterEntry e) {
        jdbc.sql("""
                        INSERT INTO query_register (queried_at, agency, official, query_kind, purpose, subject_key,
                            id_number_masked, subject_name, result_count)
                        VALUES (:at, :agency, :official, :kind, :purpose, :subjectKey, :masked, :name, :count)""")
                .param("at", Timestamp.from(e.queriedAt()))
                .param("agency", e.agency())
                .param("official", e.official())
                .param("kind", e.kind().name())
                .param("purpose", e.purpose())
                .param("subjectKey", e.subjectKey())
                .param("masked", e.idNumberMasked())
                .param("name", e.subjectName())
                .param("count", e.resultCount())
                .update();
    }

    /** Entries from {@code from} (inclusive) to {@code to} (exclusive), newest first; {@code agency} null = all. */
    public List<RegisterEntry> page(Instant from, Instant to, String agency, int page, int size) {
        return jdbc.sql("""
                        SELECT * FROM query_register
                        WHERE queried_at >= :from AND queried_at < :to AND (CAST(:agency AS TEXT) IS NULL OR agency = :agency)
                        ORDER BY queried_at DESC, id DESC LIMIT :size OFFSET :offset""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("agency", agency)
                .param("size", size).param("offset", (long) page * size)
                .query(ROW).list();
    }

    public long count(Instant from, Instant to, String agency) {
        return jdbc.sql("""
                        SELECT count(*) FROM query_register
                        WHERE queried_at >= :from AND queried_at < :to AND (CAST(:agency AS TEXT) IS NULL OR agency = :agency)""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("agency", agency)
                .query(Long.class).single();
    }

    private static final RowMapper<RegisterEntry> ROW = (rs, n) -> new RegisterEntry(
            rs.getLong("id"),
            rs.getTimestamp("queried_at").toInstant(),
            rs.getString("agency"),
            rs.getString("official"),
            SubjectQuery.Kind.valueOf(rs.getString("query_kind")),
            rs.getString("purpose"),
            rs.getString("subject_key"),
            rs.getString("id_number_masked"),
            rs.getString("subject_name"),
            rs.getInt("result_count"));
}
