package io.creditloop.sanction.measure;

import java.util.List;

/**
 * A revision of the measures catalog as the credit office submits it (R9, 003 §16-17): a new measure, or a new
 * version of one. Unchecked: {@link MeasureRules} says what is wrong with it.
 *
 * @param expectedVersion the version the editor revised, if any: the revision is refused when someone else published
 *                        a newer one in between
 */
public record MeasureDraft(String listTypeCode, String agencyCode, String measureCode, String measure,
                           String legalBasis, List<String> scenarios, String scenarioNote,
                           Boolean confirmationRequired, Integer responseWorkingDays, String publishedBy,
                           String revisionNote, Integer expectedVersion) {
}
