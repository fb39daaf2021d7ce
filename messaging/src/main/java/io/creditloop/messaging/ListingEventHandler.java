package io.creditloop.messaging;

import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;

/** What a service does with each listing event; runs inside the inbox transaction. */
public interface ListingEventHandler {

    void confirmed(ListingConfirmed event);

    void corrected(ListingCorrected event);

    void exited(ListingExited event);
}
