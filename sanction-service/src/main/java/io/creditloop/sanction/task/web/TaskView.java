package io.creditloop.sanction.task.web;

import io.creditloop.sanction.task.SanctionTask;
import io.creditloop.sanction.task.TaskState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One agency's task as the credit office sees it; the subject key is left out, the listing names the subject. */
public record TaskView(UUID taskId, UUID listingId, long listingVersion, String agencyCode, String measureCode,
                       String measure, TaskState state, Instant initiatedAt, Instant respondedAt,
                       Instant implementedAt, Instant fedBackAt, Instant liftedAt, String measureApplied,
                       String businessItem, BigDecimal amount, String explanation) {

    static TaskView of(SanctionTask task) {
        return new TaskView(task.taskId(), task.listingId(), task.listingVersion(), task.agencyCode(),
                task.measureCode(), task.measure(), task.state(), task.initiatedAt(), task.respondedAt(),
                task.implementedAt(), task.fedBackAt(), task.liftedAt(), task.measureApplied(), task.businessItem(),
                task.amount(), task.explanation());
    }
}
