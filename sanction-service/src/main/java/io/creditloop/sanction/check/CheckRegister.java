package io.creditloop.sanction.check;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * R16 (001 §23-24; 003 §24): the register of person-level credit checks, table {@code credit_check_register}: who
 * asked, when, in which scenario, about which subject (its key and masked ID number only) and how many listings
 * they were shown. Written in the check's own transaction, so no answer leaves without its entry.
 */
@Repository
public class CheckRegister {

    /** One registered check of one person. */
    public record Entry(Instant checkedAt, String agency, String user, String scenario, CheckRequest.By queriedBy,
                        String subjectKey, String maskedId, int resultCount) {
    }

    private final JdbcClient jdbc;

    public CheckRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void register(Entry e) {
        jdbc.sql("""
                        INSERT INTO credit_check_register (checked_at, agency_code, user_id, scenario, queried_by,
                        subject_key, masked_id, result_count) VALUES (:at, :agency, :user, :scenario, :by, :key,
                        :masked, :count)""")
                .param("at", e.checkedAt().atOffset(ZoneOffset.UTC))
                .param("agency", e.agency())
                .param("user", e.user())
                .param("scenario", e.scenario())
                .param("by", e.queriedBy().name())
                .param("key", e.subjectKey())
                .param("masked", e.maskedId())
                .param("count", e.resultCount())
                .update();
    }
}
