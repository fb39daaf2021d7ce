package io.creditloop.contracts.listing.v1;

import java.util.UUID;

/**
 * What every listing event says of its listing: which one, and the listing's version after it. Consumers apply an
 * event only if its version is above the one they applied (duplicates and reordering are normal on Kafka).
 */
public sealed interface ListingEvent permits ListingConfirmed, ListingCorrected, ListingExited {

    UUID listingId();

    long version();
}
