package io.creditloop.publication.erasure;

import io.creditloop.publication.release.Releases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * R11 (001 §19): information about an erroneous listing is not retained, on the board or behind it. What erasure
 * means in publication, run in the transaction that takes the listing off the board (after its {@code REMOVED}
 * tombstone went into the delta feed):
 * <ul>
 *   <li>{@code board_entry}: deleted (by the exit itself); no exit announcement is made for it</li>
 *   <li>{@code board_change}: the listing's {@code PUBLISHED} / {@code ANNOUNCED} rows (masked copies of the entry)
 *       are deleted; the bare {@code REMOVED} tombstone stays, so a mirror still learns to delete it</li>
 *   <li>{@code board_release_entry}: the listing leaves every release made before, whose count drops with it (a
 *       release is a frozen copy, but not of an erroneous listing)</li>
 *   <li>{@code exit_announcement}, {@code rectification}: any row of the listing is deleted</li>
 * </ul>
 * Publication publishes no events, so its outbox holds nothing of the listing.
 */
@Component
public class ErroneousListingErasure {

    private final JdbcClient jdbc;
    private final Releases releases;

    public ErroneousListingErasure(JdbcClient jdbc, Releases releases) {
        this.jdbc = jdbc;
        this.releases = releases;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID listingId) {
        jdbc.sql("DELETE FROM board_entry WHERE listing_id = :id").param("id", listingId).update();
        jdbc.sql("DELETE FROM exit_announcement WHERE listing_id = :id").param("id", listingId).update();
        jdbc.sql("DELETE FROM rectification WHERE listing_id = :id").param("id", listingId).update();
        jdbc.sql("DELETE FROM board_change WHERE listing_id = :id AND change <> 'REMOVED'")
                .param("id", listingId).update();
        // a release being made copies the board in its own transaction: wait for it, then take the listing out
        releases.lockForMaking();
        jdbc.sql("""
                        UPDATE board_release r SET entry_count = entry_count - 1
                        WHERE EXISTS (SELECT 1 FROM board_release_entry e
                                      WHERE e.release_no = r.release_no AND e.listing_id = :id)""")
                .param("id", listingId).update();
        jdbc.sql("DELETE FROM board_release_entry WHERE listing_id = :id").param("id", listingId).update();
    }
}
