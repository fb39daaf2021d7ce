package io.creditloop.identification.listing;

/**
 * Where a listing stands (R4, R5, R13). Only CONFIRMED and EXITED are seen downstream; the steps before
 * confirmation stay inside identification.
 */
public enum ListingStatus {
    /** 初步名单: recorded, awaiting prior notice (persons) or the next step. */
    RECORDED,
    /** R4: the natural person has been notified before listing (事前告知). */
    NOTIFIED,
    /** R4/R5: in publicity (公示) until its end date, in working days per the catalog. */
    IN_PUBLICITY,
    /** An objection was raised during publicity; the recognising department verifies it. */
    OBJECTED,
    CONFIRMED,
    /** R5: a red preliminary listing of a black-listed subject; never confirmed. */
    EXCLUDED,
    /** An objection was upheld before confirmation; personal data purged (R11). */
    WITHDRAWN,
    EXITED;

    public boolean terminal() {
        return this == EXCLUDED || this == WITHDRAWN || this == EXITED;
    }
}
