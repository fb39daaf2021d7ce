package io.creditloop.sanction.task.web;

import io.creditloop.sanction.task.SanctionTask;
import io.creditloop.sanction.task.TaskState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One agency's task as the credit office sees it; the subject key is left out, the listing names the subject.
 *
 * @param overdue not responded, and the response deadline has passed
 * @param closed  this agency's part of the loop is done: fed back, or responded to if the measure needs no
 *                confirmation; {@code closedAt} says when
 */
public record TaskView(UUID taskId, UUID listingId, long listingVersion, String listTypeCode, String agencyCode,
                       String measureCode, int measureVersion, String measure, boolean confirmationRequired,
                       TaskState state, LocalDate respondBy, boolean overdue, Instant initiatedAt,
                       Instant respondedAt, Instant implementedAt, Instant fedBackAt, Instant liftedAt,
                       String liftReason, String measureApplied, String businessItem, BigDecimal amount,
                       String explanation, Instant dueTodayRemindedAt, Instant overdueRemindedAt, boolean closed,
                       Instant closedAt) {

    static TaskView of(SanctionTask task, LocalDate today) {
        return new TaskView(task.taskId(), task.listingId(), task.listingVersion(), task.listTypeCode(),
                task.agencyCode(), task.measureCode(), task.measureVersion(), task.measure(),
                task.confirmationRequired(), task.state(), task.respondBy(), task.isOverdue(today),
                task.initiatedAt(), task.respondedAt(), task.implementedAt(), task.fedBackAt(), task.liftedAt(),
                task.liftReason(), task.measureApplied(), task.businessItem(), task.amount(), task.explanation(),
                task.dueTodayRemindedAt(), task.overdueRemindedAt(), task.isClosed(), task.closedAt());
    }
}
