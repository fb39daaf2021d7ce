package io.creditloop.sanction.dashboard;

/**
 * R8: what the dashboard counts of the loop. A task counts once for every step it has reached (a task fed back has
 * also been responded to and implemented), so the columns read as a funnel; {@link #LIFTED} counts tasks whose
 * measure stopped (R13) and {@link #OVERDUE} tasks still waiting for a response past their deadline.
 */
public enum LoopStep {
    INITIATED("initiated_at"),
    RESPONDED("responded_at"),
    IMPLEMENTED("implemented_at"),
    FED_BACK("fed_back_at"),
    LIFTED("lifted_at"),
    OVERDUE(null);

    private final String timestampColumn;

    LoopStep(String timestampColumn) {
        this.timestampColumn = timestampColumn;
    }

    /** The task's column holding when it reached this step; null for {@link #OVERDUE}, which is a condition. */
    public String timestampColumn() {
        return timestampColumn;
    }
}
