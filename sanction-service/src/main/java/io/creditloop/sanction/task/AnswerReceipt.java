package io.creditloop.sanction.task;

import java.util.Objects;

/**
 * What became of an agency's answer, the same whichever way it came (Kafka or REST).
 *
 * @param task      the task after the answer
 * @param duplicate the same answer (same event id) was handled before; this delivery changed nothing
 */
public record AnswerReceipt(Outcome outcome, SanctionTask task, boolean duplicate) {

    public AnswerReceipt {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(task, "task");
    }
}
