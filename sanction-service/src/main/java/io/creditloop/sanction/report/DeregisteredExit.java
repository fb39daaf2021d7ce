package io.creditloop.sanction.report;

import io.creditloop.contracts.listing.v1.ExitReason;

import java.util.Optional;

/**
 * R8, R13 (004 annex 2 form 4): a black-listed subject that left its list by deregistration (注销) or revocation of
 * its business licence (吊销). The listing contract has no exit reason of its own for that; the recognising
 * department names it in the exit's note, so the note decides. A credit repair exit (form 3) is never form 4.
 */
public final class DeregisteredExit {

    public static final String REVOKED = "吊销";
    public static final String DEREGISTERED = "注销";

    private DeregisteredExit() {
    }

    /** {@value #REVOKED} or {@value #DEREGISTERED} as the note says, else empty. */
    public static Optional<String> kind(ExitReason reason, String note) {
        if (reason == null || reason == ExitReason.REPAIRED || note == null) {
            return Optional.empty();
        }
        if (note.contains(REVOKED)) {
            return Optional.of(REVOKED);
        }
        return note.contains(DEREGISTERED) ? Optional.of(DEREGISTERED) : Optional.empty();
    }
}
