package io.creditloop.identification.intake;

public enum RowOutcome {
    /** a listing was created from the row */
    ACCEPTED,
    /** the row's listing exists already (the same file uploaded before) */
    DUPLICATE,
    /** the row has problems; nothing was written for it */
    REJECTED
}
