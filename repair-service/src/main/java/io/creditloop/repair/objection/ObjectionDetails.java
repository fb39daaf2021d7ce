package io.creditloop.repair.objection;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** An objection as the API shows it: its state with its evidence, alarms and, once decided erroneous, the R11 records. */
public record ObjectionDetails(@JsonUnwrapped Objection objection, List<Evidence> evidence,
                               List<Objections.AlarmRecord> alarms, Apology apology, BenefitRecovery benefitRecovery) {
}
