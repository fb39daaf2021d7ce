package io.creditloop.repair.listing;

/** Where a listing stands, as far as objections are concerned. */
public enum ListingStatus {
    /** in force: objections may be filed (R10) */
    CONFIRMED,
    /** left its list (R13): nothing left to object to */
    EXITED
}
