package io.creditloop.identification.listing;

/** Where a listing stands. The publicity and objection steps of R4/R5 come between RECORDED and CONFIRMED. */
public enum ListingStatus {
    RECORDED, CONFIRMED, EXITED
}
