package io.creditloop.publication.release;

/** R7: who releases (000 §3). */
public enum ReleaseKind {
    /** 统一发布: the credit office, for the whole city, on its schedule or ad hoc */
    UNIFIED,
    /** 自行发布: a department, its own listings only (at least quarterly in Kunshan) */
    DEPARTMENT
}
