package io.creditloop.contracts.repair.v1;

/** What a repair-service decision does to a listing (R10-R12, R15). */
public enum DecisionKind {
    /** R10/R11: the listing was wrong; it exits as ERRONEOUS and keeps only a tombstone */
    ERRONEOUS_EXIT,
    /** R12(a): credit repair, publication withdrawn: early exit REPAIRED (black → gray per R13) */
    REPAIRED_EXIT,
    /** R15: a red-listed subject's misconduct verified: the red listing is revoked */
    REVOKED_EXIT,
    /** R12(b): rectification noted on the publication during validity; the listing stays */
    RECTIFICATION_NOTED,
    /** R10: the record is to be corrected by its recognising department; the listing stays */
    CORRECTION
}
