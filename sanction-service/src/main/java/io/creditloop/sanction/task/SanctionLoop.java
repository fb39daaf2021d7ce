package io.creditloop.sanction.task;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * R8: the closed loop of one listing over all its tasks. The loop is only as far as its slowest agency, so its
 * state is the least advanced state of the tasks still in force; once every task is lifted it is lifted. It is
 * {@code closed} when every task still in force is closed ({@link SanctionTask#isClosed()}: fed back, or responded to
 * for a measure that needs no confirmation).
 */
public record SanctionLoop(UUID listingId, TaskState state, boolean closed, List<SanctionTask> tasks) {

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
        List<SanctionTask> inForce = tasks.stream().filter(t -> t.state() != TaskState.LIFTED).toList();
        boolean closed = !inForce.isEmpty() && inForce.stream().allMatch(SanctionTask::isClosed);
        return Optional.of(new SanctionLoop(listingId, state, closed, tasks));
    }
}
