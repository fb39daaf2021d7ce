package io.creditloop.sharing.forward;

/**
 * R6: where a pending forward stands against its due date. {@code NONE} for a forward that is no longer pending
 * (delivered, rejected, cancelled) or has no due date (its year has no working-day calendar yet).
 */
public enum DeadlineStatus {
    ON_TIME, AT_RISK, OVERDUE, NONE
}
