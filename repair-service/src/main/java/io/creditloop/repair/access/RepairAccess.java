package io.creditloop.repair.access;

import io.creditloop.security.Caller;
import io.creditloop.security.CallerRefused;

/**
 * R16 in repair: the recognising department verifies objections and gives its opinion on repairs; only the credit
 * office reviews at its step (objection reviews, administrative-review outcomes, repair reviews). Checked before
 * anything is written (403). An internal caller holds the signing key and may do all of it.
 */
public final class RepairAccess {

    private RepairAccess() {
    }

    /** A step of the recognising department {@code department}. */
    public static void requireDepartment(Caller caller, String department) {
        CallerRefused.unless(caller.actsForDepartment(department),
                "only the recognising department " + department + " takes this step, not " + caller);
    }

    /** A step of a department (the listing's own department is checked where the case names it). */
    public static void requireAnyDepartment(Caller caller) {
        CallerRefused.unless(caller.isInternal() || caller.is(Caller.Kind.DEPARTMENT),
                "only the recognising department takes this step, not " + caller);
    }

    /** The credit office's review step. */
    public static void requireCreditOffice(Caller caller) {
        CallerRefused.unless(caller.isCreditOffice(), "only the credit office reviews at this step, not " + caller);
    }
}
