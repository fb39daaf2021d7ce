package io.creditloop.sanction.access;

import io.creditloop.security.Caller;
import io.creditloop.security.CallerRefused;

import java.util.Locale;

/**
 * R16 in sanction: an enforcing agency sees and answers only its own tasks and keeps only its own watch list; the
 * credit office oversees every task and alone edits the measures catalog; credit checks are for agencies and the
 * credit office. (The dashboard and report paths are the credit office's by configuration, see application.yml.)
 * An internal caller holds the signing key and may do all of it.
 */
public final class SanctionAccess {

    private SanctionAccess() {
    }

    /** Answering a task or keeping a watch list: the agency itself. */
    public static void requireAgency(Caller caller, String agency) {
        String code = agency == null ? "" : agency.strip().toLowerCase(Locale.ROOT);
        CallerRefused.unless(caller.actsForAgency(code), "only agency " + code + " may do this, not " + caller);
    }

    /** Answering a task this service does not know (the service then answers 404): an agency. */
    public static void requireAnyAgency(Caller caller) {
        CallerRefused.unless(caller.isInternal() || caller.is(Caller.Kind.AGENCY),
                "only enforcing agencies answer tasks, not " + caller);
    }

    /** Reading a task: its agency or the credit office. */
    public static void requireTaskReader(Caller caller, String taskAgency) {
        CallerRefused.unless(caller.isCreditOffice() || caller.actsForAgency(taskAgency),
                "the task belongs to agency " + taskAgency + ", not to " + caller);
    }

    /**
     * The agency filter of a task search: an agency sees only its own tasks (asking for another's is refused), the
     * credit office any; departments and others are refused.
     */
    public static String taskFilter(Caller caller, String requested) {
        if (caller.isCreditOffice()) {
            return requested;
        }
        CallerRefused.unless(caller.is(Caller.Kind.AGENCY), "only agencies and the credit office list tasks");
        CallerRefused.unless(requested == null || requested.equals(caller.code()),
                "an agency lists only its own tasks");
        return caller.code();
    }

    /**
     * The closed loop of a listing: the credit office, and the department that recognised it ({@code department}:
     * as this service has heard of the listing; not heard of yet: refused, it may ask again).
     */
    public static void requireLoopReader(Caller caller, java.util.Optional<String> department) {
        CallerRefused.unless(caller.isCreditOffice() || department.map(caller::actsForDepartment).orElse(false),
                "the loop of a listing shows every agency's tasks: the credit office and the listing's own "
                        + "department only, not " + caller);
    }

    /** Editing the measures catalog: the credit office only. */
    public static void requireCreditOffice(Caller caller) {
        CallerRefused.unless(caller.isCreditOffice(), "only the credit office may do this, not " + caller);
    }

    /** A credit check (registered for persons): an agency or the credit office, asking in its own name. */
    public static void requireChecker(Caller caller) {
        CallerRefused.unless(caller.isCreditOffice() || caller.is(Caller.Kind.AGENCY),
                "credit checks are for enforcing agencies and the credit office, not " + caller);
    }
}
