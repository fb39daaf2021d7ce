package io.creditloop.repair.erasure;

import io.creditloop.messaging.Outbox;
import io.creditloop.repair.objection.EvidenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/**
 * R11 (001 §19): information about an erroneous listing is not retained. What erasure means in repair, run in the
 * transaction that handles the listing's erroneous exit. The cases stay, masked: they are the record of the
 * correction (who objected when, who verified, reviewed and decided, the apology issued, the benefits to recover),
 * but nothing in them names or identifies the subject any more:
 * <ul>
 *   <li>{@code listing_ref}: no masked name, no person key</li>
 *   <li>objections: the objector's name masked (surname only) also inside the apology's text; contact, reason,
 *       opinion, reply and the evidence's descriptions, references and file names erased; evidence files deleted
 *       from disk once the transaction committed</li>
 *   <li>credit repairs and red-list supervision reports of the listing: applicant / reporter masked, statements,
 *       opinions, notes, findings, notices and evidence erased, no person key</li>
 *   <li>{@code decision}: the note erased</li>
 *   <li>the outbox: the listing's case events (objection filed, alarms, decisions) deleted once relayed</li>
 * </ul>
 */
@Component
public class ErroneousListingErasure {

    static final String ERASED = io.creditloop.contracts.listing.v1.Erased.VALUE;

    private static final Logger log = LoggerFactory.getLogger(ErroneousListingErasure.class);

    /** A name reduced to its first character, the rest starred (as the board masks a person's name, R7). */
    private static final String MASKED_NAME = "left(%1$s, 1) || repeat('*', greatest(char_length(%1$s) - 1, 1))";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final EvidenceStore evidence;

    public ErroneousListingErasure(JdbcClient jdbc, Outbox outbox, EvidenceStore evidence) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.evidence = evidence;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID listingId) {
        jdbc.sql("""
                        UPDATE listing_ref SET subject_name_masked = :erased, subject_key = 'PURGED:' || listing_id::text
                        WHERE listing_id = :id""")
                .param("erased", ERASED).param("id", listingId).update();

        List<String> files = jdbc.sql("""
                        SELECT e.storage_name FROM objection_evidence e JOIN objection o ON o.id = e.objection_id
                        WHERE o.listing_id = :id AND e.storage_name IS NOT NULL""")
                .param("id", listingId).query(String.class).list();
        jdbc.sql("""
                        UPDATE objection_evidence e SET description = :erased,
                            reference = CASE WHEN e.reference IS NULL THEN NULL ELSE :erased END,
                            file_name = CASE WHEN e.file_name IS NULL THEN NULL ELSE :erased END, sha256 = NULL
                        FROM objection o WHERE o.id = e.objection_id AND o.listing_id = :id""")
                .param("erased", ERASED).param("id", listingId).update();
        jdbc.sql(("""
                        UPDATE apology a SET text = replace(a.text, o.objector_name, %s)
                        FROM objection o WHERE o.id = a.objection_id AND o.listing_id = :id""")
                        .formatted(MASKED_NAME.formatted("o.objector_name")))
                .param("id", listingId).update();
        jdbc.sql(("""
                        UPDATE objection SET objector_name = %s, contact = NULL, reason = :erased,
                            opinion = CASE WHEN opinion IS NULL THEN NULL ELSE :erased END,
                            reply = CASE WHEN reply IS NULL THEN NULL ELSE :erased END,
                            administrative_review = CASE WHEN administrative_review IS NULL THEN NULL ELSE :erased END
                        WHERE listing_id = :id""").formatted(MASKED_NAME.formatted("objector_name")))
                .param("erased", ERASED).param("id", listingId).update();

        jdbc.sql("""
                        UPDATE credit_repair_evidence e SET description = :erased, reference = :erased
                        FROM credit_repair r WHERE r.id = e.repair_id AND r.listing_id = :id""")
                .param("erased", ERASED).param("id", listingId).update();
        jdbc.sql(("""
                        UPDATE credit_repair SET applicant = %s, statement = :erased,
                            subject_key = 'PURGED:' || listing_id::text,
                            opinion = CASE WHEN opinion IS NULL THEN NULL ELSE :erased END,
                            review_note = CASE WHEN review_note IS NULL THEN NULL ELSE :erased END,
                            closed_reason = CASE WHEN closed_reason IS NULL THEN NULL ELSE :erased END
                        WHERE listing_id = :id""").formatted(MASKED_NAME.formatted("applicant")))
                .param("erased", ERASED).param("id", listingId).update();

        jdbc.sql("""
                        UPDATE supervision_evidence e SET description = :erased, reference = :erased
                        FROM supervision_report r WHERE r.id = e.report_id AND r.listing_id = :id""")
                .param("erased", ERASED).param("id", listingId).update();
        jdbc.sql("""
                        UPDATE supervision_notice n SET text = :erased
                        FROM supervision_report r WHERE r.id = n.report_id AND r.listing_id = :id""")
                .param("erased", ERASED).param("id", listingId).update();
        jdbc.sql(("""
                        UPDATE supervision_report SET reporter_name = %s, reporter_contact = NULL, misconduct = :erased,
                            finding = CASE WHEN finding IS NULL THEN NULL ELSE :erased END
                        WHERE listing_id = :id""").formatted(MASKED_NAME.formatted("reporter_name")))
                .param("erased", ERASED).param("id", listingId).update();

        jdbc.sql("UPDATE decision SET note = CASE WHEN note IS NULL THEN NULL ELSE :erased END WHERE listing_id = :id")
                .param("erased", ERASED).param("id", listingId).update();
        outbox.erase(listingId);
        deleteAfterCommit(files);
    }

    /** The files go once the erasure committed: a rolled-back erasure leaves the case and its evidence as they were. */
    private void deleteAfterCommit(List<String> files) {
        if (files.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (String file : files) {
                    try {
                        Files.deleteIfExists(evidence.path(file));
                    } catch (IOException e) {
                        log.error("R11: evidence file {} of an erroneous listing could not be deleted: {}", file,
                                e.toString());
                    }
                }
            }
        });
    }
}
