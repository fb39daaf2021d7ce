package io.creditloop.publication.board;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of what the public sees, for mirrors (portals, media): the delta feed and the Atom feed.
 *
 * @param cursor  increases with every change, in commit order; a mirror asks for the changes after the last it has
 * @param payload the entry (PUBLISHED) or the announcement (ANNOUNCED) as JSON, masked; {@code null} for REMOVED: a
 *                tombstone carries the listing id only, so an erroneous listing leaves nothing naming the subject
 */
public record BoardChange(long cursor, UUID listingId, Kind change, Instant changedAt, String payload) {

    public enum Kind {
        /** on the board, new or changed (a correction, the start of the validity) */
        PUBLISHED,
        /** off the board: exit, end of validity, erroneous listing */
        REMOVED,
        /** R13: an exit announcement */
        ANNOUNCED
    }

    public BoardChange {
        if ((change == Kind.REMOVED) != (payload == null)) {
            throw new IllegalArgumentException("a removal carries no payload, every other change one");
        }
    }
}
