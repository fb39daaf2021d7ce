package io.creditloop.repair.objection;

import java.util.UUID;

/** An objection cannot be filed against this listing. */
public class ObjectionRefusedException extends RuntimeException {

    public enum Why {
        /** no listing with this id is known here */
        UNKNOWN_LISTING,
        /** the listing has left its list (R13) */
        LISTING_EXITED
    }

    private final UUID listingId;
    private final Why why;

    ObjectionRefusedException(UUID listingId, Why why) {
        super(why == Why.UNKNOWN_LISTING ? "listing " + listingId + " is not known"
                : "listing " + listingId + " has exited its list");
        this.listingId = listingId;
        this.why = why;
    }

    public UUID listingId() {
        return listingId;
    }

    public Why why() {
        return why;
    }
}
