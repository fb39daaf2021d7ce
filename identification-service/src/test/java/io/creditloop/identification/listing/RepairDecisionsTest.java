package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.repair.v1.DecisionKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepairDecisionsTest {

    @Test
    @DisplayName("R11, R12, R15: erroneous, repaired and revoked decisions exit with their reason")
    void exits() {
        assertThat(RepairDecisions.exitReason(DecisionKind.ERRONEOUS_EXIT)).contains(ExitReason.ERRONEOUS);
        assertThat(RepairDecisions.exitReason(DecisionKind.REPAIRED_EXIT)).contains(ExitReason.REPAIRED);
        assertThat(RepairDecisions.exitReason(DecisionKind.REVOKED_EXIT)).contains(ExitReason.REVOKED);
    }

    @Test
    @DisplayName("R10, R12(b): a correction or a rectification note leaves the listing in force")
    void staying() {
        assertThat(RepairDecisions.exitReason(DecisionKind.CORRECTION)).isEmpty();
        assertThat(RepairDecisions.exitReason(DecisionKind.RECTIFICATION_NOTED)).isEmpty();
    }
}
