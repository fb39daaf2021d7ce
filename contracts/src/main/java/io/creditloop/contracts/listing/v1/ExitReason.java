package io.creditloop.contracts.listing.v1;

/** R13: why a listing left its list. */
public enum ExitReason {
    /** validity ended: automatic exit */
    EXPIRED,
    /** early exit after credit repair, with the recognising department's consent */
    REPAIRED,
    /** erroneous listing (found by objection or review): deleted, no announcement naming the subject */
    ERRONEOUS,
    /** the recognition standard changed and the subject no longer qualifies */
    STANDARD_CHANGED,
    /** revoked by the recognising department (for red: listed black or gray, benefits abused) */
    REVOKED
}
