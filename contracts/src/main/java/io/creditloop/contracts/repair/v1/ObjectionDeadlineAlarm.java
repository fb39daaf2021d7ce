package io.creditloop.contracts.repair.v1;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code repair.objection.deadline.v1}: an accepted objection's verification is due today ({@code DUE_TODAY}) or
 * overdue ({@code OVERDUE}) (R10, 000 §5(一): 7 working days). Each alarm goes out once per objection.
 */
public record ObjectionDeadlineAlarm(UUID objectionId, UUID listingId, String recognisingDepartment, String alarm,
                                     LocalDate dueDate, LocalDate raisedOn) {
}
