package io.creditloop.contracts.sanction.v1;

import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.Subject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code sanction.watch.notice.v1} on {@code sanction.tasks.<agency>}: a subject on the agency's watch list (a
 * licensee, bidder or grantee it currently serves) was listed, its record corrected, or it exited — sent whether or
 * not the list type has a measure for that agency (R8 targeted distribution, 003 §18).
 *
 * @param change     {@code LISTED}, {@code CORRECTED} or {@code EXITED}
 * @param reason     the listing's reason (listed, corrected)
 * @param exitReason why it exited (exited), one of {@code ExitReason}
 * @param validUntil last day in force (listed, corrected); absent for 长期
 */
public record WatchNotice(String agencyCode, String change, UUID listingId, long listingVersion, ListType listType,
                          Subject subject, String reason, String exitReason, LocalDate validUntil,
                          Instant occurredAt) {

    public static final String LISTED = "LISTED";
    public static final String CORRECTED = "CORRECTED";
    public static final String EXITED = "EXITED";
}
