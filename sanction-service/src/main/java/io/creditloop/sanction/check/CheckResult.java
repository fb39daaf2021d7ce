package io.creditloop.sanction.check;

import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.Scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * What a credit check found on {@code checkedOn}: per subject, its listings in force and the measures that apply in
 * the asked scenario. A subject without listings in force is not in the list.
 */
public record CheckResult(CheckRequest.By queriedBy, Scenario scenario, LocalDate checkedOn, List<Found> subjects) {

    /** One subject: persons only by key and masked ID number (R16). */
    public record Found(String subjectKey, SubjectType subjectType, String name, String uscc, String maskedId,
                        List<SubjectListing> listings, List<Measure> measures) {
    }
}
