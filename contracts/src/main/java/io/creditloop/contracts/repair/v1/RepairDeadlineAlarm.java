package io.creditloop.contracts.repair.v1;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code repair.repair.deadline.v1}: a step of a credit repair's approval is overdue (R12, 000 §5(三)): the
 * recognising department's written opinion ({@code step = OPINION}) or the credit office's review
 * ({@code step = REVIEW}), each due a number of working days after the step before. Raised once per step.
 */
public record RepairDeadlineAlarm(UUID repairId, UUID listingId, String recognisingDepartment, String step,
                                  String alarm, LocalDate dueDate, LocalDate raisedOn) {
}
