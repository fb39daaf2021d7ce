package io.creditloop.sanction.task;

/** What a transition did to a task. */
public enum Outcome {
    /** the task moved forward */
    ADVANCED,
    /** a repeated or older step: nothing changed */
    UNCHANGED,
    /** the task was lifted before this answer came: nothing changed */
    TASK_LIFTED
}
