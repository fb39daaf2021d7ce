package io.creditloop.sharing.access;

import io.creditloop.security.Caller;
import io.creditloop.security.CallerRefused;

import java.util.Collection;
import java.util.Locale;

/**
 * R16 "谁认定、谁负责" in sharing: the credit office watches every forward and its deadlines (R6); a department reads
 * the forwards of its own listings and the refusals of its own records; an upstream platform's list (R4, R5) comes
 * from that platform's own system (a client whose code is the platform's code, e.g. {@code court}) or is imported by
 * the credit office. The subject database's queriers are checked in {@code registry.web.Officials}. Checked before
 * anything is read or written (403); an internal caller holds the signing key and may do all of it.
 */
public final class SharingAccess {

    private SharingAccess() {
    }

    /** Sending to, or reading what was received from, upstream platform {@code platform}. */
    public static void requirePlatform(Caller caller, String platform) {
        String code = platform == null ? "" : platform.strip().toLowerCase(Locale.ROOT);
        boolean platformItself = (caller.is(Caller.Kind.DEPARTMENT) || caller.is(Caller.Kind.AGENCY))
                && caller.code().equals(code);
        CallerRefused.unless(caller.isCreditOffice() || platformItself,
                "only platform " + code + "'s own system or the credit office sends its lists, not " + caller);
    }

    /** The forwards of one listing: the credit office, or the department that recognised it. */
    public static void requireForwardsOf(Caller caller, Collection<String> departments) {
        if (caller.isCreditOffice()) {
            return;
        }
        CallerRefused.unless(caller.is(Caller.Kind.DEPARTMENT) && departments.stream()
                        .allMatch(d -> caller.actsForDepartment(d)),
                "only the recognising department and the credit office read a listing's forwards, not " + caller);
    }

    /** The refusals of department {@code department}'s records: that department or the credit office. */
    public static void requireDepartment(Caller caller, String department) {
        String code = department == null ? "" : department.strip();
        CallerRefused.unless(caller.isCreditOffice() || caller.actsForDepartment(code),
                "only department " + code + " and the credit office read its refusals, not " + caller);
    }

    /** Every forward, the deadlines board: the credit office. */
    public static void requireCreditOffice(Caller caller) {
        CallerRefused.unless(caller.isCreditOffice(), "only the credit office watches the forwards, not " + caller);
    }
}
