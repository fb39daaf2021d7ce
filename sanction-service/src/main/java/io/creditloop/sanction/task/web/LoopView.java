package io.creditloop.sanction.task.web;

import io.creditloop.sanction.task.SanctionLoop;
import io.creditloop.sanction.task.TaskState;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * R8: where a listing's closed loop stands, and each agency's part of it.
 *
 * @param closed every task in force is closed: fed back, or responded to where the measure needs no confirmation
 */
public record LoopView(UUID listingId, TaskState state, boolean closed, List<TaskView> tasks) {

    static LoopView of(SanctionLoop loop, LocalDate today) {
        return new LoopView(loop.listingId(), loop.state(), loop.closed(),
                loop.tasks().stream().map(t -> TaskView.of(t, today)).toList());
    }
}
