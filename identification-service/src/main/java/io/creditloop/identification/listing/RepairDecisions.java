package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.repair.v1.DecisionKind;

import java.util.Optional;

/**
 * R10-R13, R15: which exit a repair-service decision means here. Erroneous (objection upheld) exits ERRONEOUS and is
 * purged (R11); a repair exits REPAIRED (a black one then moves to gray, R13); a verified red-list misconduct report
 * exits REVOKED. A rectification note or a correction leaves the listing in force: nothing to exit.
 */
public final class RepairDecisions {

    private RepairDecisions() {
    }

    public static Optional<ExitReason> exitReason(DecisionKind kind) {
        return switch (kind) {
            case ERRONEOUS_EXIT -> Optional.of(ExitReason.ERRONEOUS);
            case REPAIRED_EXIT -> Optional.of(ExitReason.REPAIRED);
            case REVOKED_EXIT -> Optional.of(ExitReason.REVOKED);
            case RECTIFICATION_NOTED, CORRECTION -> Optional.empty();
        };
    }
}
