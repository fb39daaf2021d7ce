package io.creditloop.repair.access;

import io.creditloop.security.Caller;
import io.creditloop.security.PersonalDataReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * R16: an objection, a credit repair case or a supervision report shows its objector's, applicant's or reporter's
 * name and contact unmasked; when the listing it concerns is a natural person's, reading it is recorded for the
 * audit log under that person's subject key (repair keeps no ID number, so the record has no masked number). A case
 * about an organisation's listing records nothing.
 */
@Component
public class CaseReads {

    private final JdbcClient jdbc;
    private final PersonalDataReads reads;

    public CaseReads(JdbcClient jdbc, PersonalDataReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public void record(Caller caller, String what, UUID caseId, UUID listingId) {
        // an erroneous listing's case keeps no personal data (R11: subject key PURGED): nothing to record
        jdbc.sql("SELECT subject_key FROM listing_ref WHERE listing_id = :id AND subject_type = 'PERSON'"
                        + " AND subject_key NOT LIKE 'PURGED:%'")
                .param("id", listingId)
                .query(String.class).optional()
                .ifPresent(key -> reads.record(caller, null,
                        new PersonalDataReads.Read(what, caseId.toString(), listingId, key, null)));
    }
}
