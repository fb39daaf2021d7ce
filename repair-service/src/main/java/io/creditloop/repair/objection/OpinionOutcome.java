package io.creditloop.repair.objection;

import io.creditloop.contracts.repair.v1.DecisionKind;

/** R10/R11: what the recognising department's written opinion says must happen to a wrong listing. */
public enum OpinionOutcome {
    /** the listing should never have been made: revoked, personal data purged (R11) */
    ERRONEOUS(DecisionKind.ERRONEOUS_EXIT),
    /** the listing stands but its record is wrong: corrected by the department */
    CORRECTION(DecisionKind.CORRECTION);

    private final DecisionKind decision;

    OpinionOutcome(DecisionKind decision) {
        this.decision = decision;
    }

    public DecisionKind decision() {
        return decision;
    }
}
