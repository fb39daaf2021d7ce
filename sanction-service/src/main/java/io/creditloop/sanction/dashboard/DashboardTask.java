package io.creditloop.sanction.dashboard;

import io.creditloop.sanction.task.TaskState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A task behind a dashboard number, with its listing's department and subject as they may be shown (a person
 * masked, R16); the loop endpoint gives the rest.
 */
public record DashboardTask(UUID taskId, UUID listingId, String department, String listTypeCode, String listTypeName,
                            String subjectName, String agencyCode, String measure, TaskState state,
                            LocalDate respondBy, boolean overdue, Instant initiatedAt, Instant respondedAt,
                            Instant implementedAt, Instant fedBackAt, Instant liftedAt) {
}
