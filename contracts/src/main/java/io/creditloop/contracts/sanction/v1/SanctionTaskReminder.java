package io.creditloop.contracts.sanction.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code sanction.task.reminder.v1} on {@code sanction.tasks.<agency>}: R8 automatic reminder (自动提醒, 003 §18) —
 * the agency has not responded to a task by its response deadline, or the deadline is today.
 *
 * @param kind         {@code DUE_TODAY} on the last working day to respond, {@code OVERDUE} once it has passed
 * @param respondBy    the last working day to respond, inclusive
 * @param measureCode  the measure the task asks for
 * @param taskState    where the task stands, e.g. {@code INITIATED}
 */
public record SanctionTaskReminder(UUID taskId, UUID listingId, String agencyCode, String measureCode, String kind,
                                   LocalDate respondBy, String taskState, Instant remindedAt) {

    public static final String DUE_TODAY = "DUE_TODAY";
    public static final String OVERDUE = "OVERDUE";
}
