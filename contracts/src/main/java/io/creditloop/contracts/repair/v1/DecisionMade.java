package io.creditloop.contracts.repair.v1;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code repair.decision.made.v1}: the credit office confirmed a decision on a listing (R10-R12, R15), keyed by
 * listing id on {@code repair.case.events}. Identification applies the exits.
 *
 * @param caseKind OBJECTION, REPAIR or SUPERVISION
 * @param caseId   the objection, repair application or supervision report the decision closes
 * @param note     the written opinion's summary; never an ID number
 */
public record DecisionMade(UUID decisionId, UUID listingId, String caseKind, UUID caseId, DecisionKind kind,
                           String recognisingDepartment, String note, Instant decidedAt) {
}
