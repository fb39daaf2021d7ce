package io.creditloop.sanction.task;

/**
 * R8: the steps of the closed loop, in order: initiate (发起) → respond (响应) → implement (实施) → feedback (反馈).
 * {@link #LIFTED} is outside that order: the measure stopped because the listing exited (R13).
 */
public enum TaskState {
    INITIATED, RESPONDED, IMPLEMENTED, FED_BACK, LIFTED;

    /** True if this is a loop step strictly after {@code other}; never for {@link #LIFTED}. */
    boolean isAfter(TaskState other) {
        return this != LIFTED && other != LIFTED && ordinal() > other.ordinal();
    }
}
