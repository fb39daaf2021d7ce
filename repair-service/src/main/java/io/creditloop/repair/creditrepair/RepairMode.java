package io.creditloop.repair.creditrepair;

/** R2/R12: how the catalog says listings of a type may be repaired (identification's {@code list_type.repair_mode}). */
public enum RepairMode {
    /** R12(a): publication withdrawn, early exit REPAIRED */
    PUBLICATION_WITHDRAWN,
    /** R12(b): rectification noted on the publication during validity */
    RECTIFICATION_NOTED,
    NOT_REPAIRABLE
}
