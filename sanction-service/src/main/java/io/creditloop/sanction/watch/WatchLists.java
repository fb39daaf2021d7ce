package io.creditloop.sanction.watch;

import io.creditloop.contracts.listing.v1.SubjectType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** The agencies' watch lists in table {@code watch_entry}. */
@Repository
public class WatchLists {

    private final JdbcClient jdbc;

    public WatchLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the entry, or updates its relation if the agency already watches the subject; true if it is new. */
    public boolean put(WatchEntry entry) {
        return jdbc.sql("""
                        INSERT INTO watch_entry (agency_code, subject_key, subject_type, relation, registered_at)
                        VALUES (:agency, :key, :type, :relation, :at)
                        ON CONFLICT (agency_code, subject_key) DO UPDATE SET relation = EXCLUDED.relation
                        RETURNING (xmax = 0)""")
                .param("agency", entry.agencyCode())
                .param("key", entry.subjectKey())
                .param("type", entry.subjectType().name())
                .param("relation", entry.relation())
                .param("at", entry.registeredAt().atOffset(ZoneOffset.UTC))
                .query(Boolean.class)
                .single();
    }

    public boolean remove(String agencyCode, String subjectKey) {
        return jdbc.sql("DELETE FROM watch_entry WHERE agency_code = :agency AND subject_key = :key")
                .param("agency", agencyCode)
                .param("key", subjectKey)
                .update() == 1;
    }

    public List<WatchEntry> ofAgency(String agencyCode) {
        return jdbc.sql("""
                        SELECT agency_code, subject_key, subject_type, relation, registered_at FROM watch_entry
                        WHERE agency_code = :agency ORDER BY registered_at, subject_key""")
                .param("agency", agencyCode)
                .query((rs, n) -> new WatchEntry(rs.getString("agency_code"), rs.getString("subject_key"),
                        SubjectType.valueOf(rs.getString("subject_type")), rs.getString("relation"),
                        rs.getObject("registered_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The agencies watching the subject. */
    public List<String> agenciesWatching(String subjectKey) {
        return jdbc.sql("SELECT agency_code FROM watch_entry WHERE subject_key = :key ORDER BY agency_code")
                .param("key", subjectKey)
                .query(String.class)
                .list();
    }

    /** {@link #agenciesWatching} for many subjects in one query; a subject nobody watches is not in the map. */
    public Map<String, List<String>> agenciesWatchingAll(Collection<String> subjectKeys) {
        Map<String, List<String>> watching = new HashMap<>();
        if (subjectKeys.isEmpty()) {
            return watching;
        }
        jdbc.sql("""
                        SELECT subject_key, agency_code FROM watch_entry
                        WHERE subject_key = ANY(CAST(:keys AS text[])) ORDER BY agency_code""")
                .param("keys", subjectKeys.toArray(String[]::new))
                .query(rs -> {
                    watching.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return watching;
    }

    /** Every agency with a watch list, so each keeps its topics. */
    public List<String> agencyCodes() {
        return jdbc.sql("SELECT DISTINCT agency_code FROM watch_entry ORDER BY agency_code")
                .query(String.class)
                .list();
    }
}
