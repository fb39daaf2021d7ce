package io.creditloop.sharing.erasure;

import io.creditloop.contracts.listing.v1.Erased;
import io.creditloop.messaging.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * R11 (001 §19): information about an erroneous listing is not retained. What erasure means in sharing, each part
 * run in the transaction that handles the erroneous exit (or, for a forward still under way, its final outcome):
 * <ul>
 *   <li>{@code forward}: once final, a forward keeps a tombstone (listing id, version, platform, action, state,
 *       dates) instead of the record it carried, and no platform text (acknowledgement, rejection, error); the
 *       exit forward itself still goes out with the record, so each platform deletes it, and is erased when done</li>
 *   <li>{@code department_notice}: the platform's reason is blanked</li>
 *   <li>{@code registry_listing}: deleted (not shown as "recently exited" either)</li>
 *   <li>the outbox: the listing's forward events relayed so far are deleted, the ones still to go once sent</li>
 *   <li>{@code personal_data_read} (the R16 audit log): the masked ID number of the reads of the listing is blanked;
 *       who read, when, what and why stay (the person by the keyed subject key); reads that arrive later are stored
 *       without it ({@code AuditLog#add})</li>
 * </ul>
 * The shared query register ({@code query_register}) is not the listing's: it records who queried a person (R16)
 * and stays as it is.
 */
@Component
public class ErroneousListingErasure {

    static final String PURGED_PAYLOAD = "{\"purged\":true}";

    private final JdbcClient jdbc;
    private final Outbox outbox;

    public ErroneousListingErasure(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Remembers that a listing was erroneous, so forwards that end later are erased when they do. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markErroneous(UUID listingId) {
        jdbc.sql("INSERT INTO erroneous_listing (listing_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .param("id", listingId).update();
        // the audit log's trigger lets this transaction, and only it, blank that one column
        jdbc.sql("SELECT set_config('creditloop.r11_erasure', 'on', true)").query(String.class).single();
        jdbc.sql("UPDATE personal_data_read SET masked_id = NULL WHERE listing_id = :id AND masked_id IS NOT NULL")
                .param("id", listingId).update();
        jdbc.sql("SELECT set_config('creditloop.r11_erasure', 'off', true)").query(String.class).single();
    }

    /**
     * Erases the final forwards of a listing marked erroneous, their notices and outbox rows; pending ones (the exit
     * forward on its way) are left for their own final outcome. Does nothing for a listing not marked erroneous.
     *
     * @return how many forwards were erased now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forwards(UUID listingId) {
        boolean erroneous = jdbc.sql("SELECT count(*) FROM erroneous_listing WHERE listing_id = :id")
                .param("id", listingId).query(Long.class).single() > 0;
        return erroneous ? erase(listingId) : 0;
    }

    private int erase(UUID listingId) {
        int erased = jdbc.sql("""
                        UPDATE forward SET payload = '{"purged":true}', acknowledgement = NULL,
                            rejection_reason = CASE WHEN rejection_reason IS NULL THEN NULL ELSE :erased END,
                            last_error = NULL, updated_at = now()
                        WHERE listing_id = :id AND state <> 'PENDING' AND payload::text <> '{"purged":true}'""")
                .param("erased", Erased.VALUE).param("id", listingId).update();
        jdbc.sql("UPDATE department_notice SET reason = :erased WHERE listing_id = :id")
                .param("erased", Erased.VALUE).param("id", listingId).update();
        outbox.erase(listingId);
        return erased;
    }

    /**
     * {@link #forwards} for the listings of one platform call's final forwards: which of them are erroneous is asked
     * in one statement (issue 9), and only those are erased.
     *
     * @return how many forwards were erased now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forwardsOf(Collection<UUID> listingIds) {
        if (listingIds.isEmpty()) {
            return 0;
        }
        List<UUID> erroneous = jdbc.sql("""
                        SELECT listing_id FROM erroneous_listing WHERE listing_id = ANY(CAST(:ids AS uuid[]))
                        ORDER BY listing_id""")
                .param("ids", listingIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class).list();
        int erased = 0;
        for (UUID listingId : erroneous) {
            erased += erase(listingId);
        }
        return erased;
    }

    /** The register's read model forgets the listing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void registry(UUID listingId, String listingKey) {
        jdbc.sql("DELETE FROM registry_listing WHERE listing_key = :key").param("key", listingKey).update();
    }
}
