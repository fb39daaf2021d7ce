package io.creditloop.identification.listing;

import io.creditloop.messaging.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * R11 (001 §19): information about an erroneous listing is not retained. What erasure means in identification, run
 * in the transaction that exits (or withdraws) the listing:
 * <ul>
 *   <li>{@code listing}: a tombstone, the listing id, list type, department, dates, status and exit reason; no name,
 *       identifier, legal representative, free text (reason, basis, note, warnings, objection, decision, exit note),
 *       no subject key to link it to the person and no submission id</li>
 *   <li>{@code listing_event}: the immutable history keeps its rows (version, type, time) as tombstones, without
 *       their detail</li>
 *   <li>{@code intake_row} holds only the listing id and the row's outcome: nothing to erase</li>
 *   <li>the outbox: the listing's events relayed so far are deleted, the ones still to go (this exit) once sent</li>
 * </ul>
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

    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID listingId) {
        jdbc.sql("""
                        UPDATE listing SET subject_name = :erased, subject_key = 'PURGED:' || id::text, uscc = NULL,
                            id_type = NULL, id_number = NULL, legal_representative = NULL,
                            legal_representative_id_number = NULL, organisation_code = NULL, lei = NULL, note = NULL,
                            warnings = NULL, reason = :erased, basis = :erased, objection = NULL, decision = NULL,
                            exit_note = NULL, submission_id = NULL, purged = TRUE
                        WHERE id = :id""")
                .param("erased", ERASED).param("id", listingId).update();
        jdbc.sql("UPDATE listing_event SET detail = NULL WHERE listing_id = :id").param("id", listingId).update();
        outbox.erase(listingId);
    }
}
