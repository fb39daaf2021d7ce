package io.creditloop.sanction.erasure;

import io.creditloop.messaging.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * R11 (001 §19): information about an erroneous listing is not retained. What erasure means in sanction; each of the
 * three consumers of the listing topic erases its own part in the transaction that handles the erroneous exit:
 * <ul>
 *   <li>the loop ({@link #tasks}): the tasks are lifted first (the lift still goes to every agency, R13), then keep
 *       only what the dashboard counts (listing, list type, agency, measure, states and times), without the person
 *       key or the agency's free texts (measure applied, business item, explanation); the outbox forgets the
 *       listing's task events and watch notices once they went out</li>
 *   <li>the credit check ({@link #checkReadModel}): the read model row is deleted</li>
 *   <li>the case report ({@link #caseListing}): a tombstone (department, list, subject type, exit) without name,
 *       USCC, reason or note</li>
 * </ul>
 * Registers of queries ({@code credit_check_register}) and the agencies' watch lists are not the listing's: they
 * record who checked or watches a subject (R16, 003 §18) and stay as they are.
 */
@Component
public class ErroneousListingErasure {

    static final String ERASED = io.creditloop.contracts.listing.v1.Erased.VALUE;

    private final JdbcClient jdbc;
    private final Outbox outbox;

    public ErroneousListingErasure(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** After the lift: the listing's tasks without subject data, its events gone from the outbox once sent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tasks(UUID listingId) {
        jdbc.sql("""
                        UPDATE sanction_task SET subject_key = 'PURGED:' || listing_id::text, measure_applied = NULL,
                            business_item = NULL, explanation = NULL
                        WHERE listing_id = :id""")
                .param("id", listingId).update();
        outbox.erase(listingId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void checkReadModel(UUID listingId) {
        jdbc.sql("DELETE FROM credit_subject_listing WHERE listing_id = :id").param("id", listingId).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void caseListing(UUID listingId) {
        jdbc.sql("""
                        UPDATE case_listing SET subject_name = :erased, uscc = NULL, reason = NULL, exit_note = NULL
                        WHERE listing_id = :id""")
                .param("erased", ERASED).param("id", listingId).update();
    }
}
