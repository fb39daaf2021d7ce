package io.creditloop.sanction.task;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * R8: the closed loop of one listing over all its tasks. The loop is only as far as its slowest agency, so its
 * state is the least advanced state of the tasks still in force; once every task is lifted it is lifted.
 */
public record SanctionLoop(UUID listingId, TaskState state, List<SanctionTask> tasks) {

    public SanctionLoop {
        tasks = List.copyOf(tasks);
    }

    /** Empty when the listing has no tasks: it is unknown here, or its list type has no measures. */
    public static Optional<SanctionLoop> of(UUID listingId, List<SanctionTask> tasks) {
        if (tasks.isEmpty()) {
            return Optional.empty();
        }
        TaskState state = tasks.stream()
                .map(SanctionTask::state)
                .filter(s -> s != TaskState.LIFTED)
                .min(Comparator.naturalOrder())
                .orElse(TaskState.LIFTED);
        return Optional.of(new SanctionLoop(listingId, state, tasks));
    }
}
