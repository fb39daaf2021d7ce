package io.creditloop.repair.access;

import io.creditloop.security.Caller;
import io.creditloop.security.CallerRefused;

/**
 * R16 in repair: the recognising department verifies objections and gives its opinion on repairs; only the credit
 * office reviews at its step (objection reviews, administrative-review outcomes, repair reviews). Checked before
 * anything is written (403). An internal caller holds the signing key and may do all of it.
 */
public final class RepairAccess {

    // Filing an objection, a repair application or a supervision report is open to every known caller (the subject
    // or reporter is registered at a window until citizens log in); the public without a token is refused (401).

    private RepairAccess() {
    }

    /** A step of the recognising department {@code department}. */
    public static void requireDepartment(Caller caller, String department) {
        CallerRefused.unless(caller.actsForDepartment(department),
                "only the recognising department " + department + " takes this step, not " + caller);
    }

    /**
     * A step of the recognising department of a case whose listing this service may not know ({@code department}
     * empty): then only a department's system gets as far as the service's own 404 or 409.
     */
    public static void requireDepartment(Caller caller, java.util.Optional<String> department) {
        department.ifPresentOrElse(d -> requireDepartment(caller, d), () -> CallerRefused.unless(
                caller.isInternal() || caller.is(Caller.Kind.DEPARTMENT),
                "only the recognising department takes this step, not " + caller));
    }

    /**
     * Reading a case (objection, repair, supervision report: they name the objector, applicant or reporter) or
     * adding evidence to it: the credit office (its window registers what the subject brings) and the recognising
     * department {@code department} only.
     */
    public static void requireCaseHandler(Caller caller, String department) {
        CallerRefused.unless(caller.isCreditOffice() || caller.actsForDepartment(department),
                "only the credit office and the recognising department " + department + " handle this case, not "
                        + caller);
    }

    /** The credit office's review step. */
    public static void requireCreditOffice(Caller caller) {
        CallerRefused.unless(caller.isCreditOffice(), "only the credit office reviews at this step, not " + caller);
    }
}
