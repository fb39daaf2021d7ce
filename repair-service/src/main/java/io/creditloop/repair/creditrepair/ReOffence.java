package io.creditloop.repair.creditrepair;

/**
 * R12 (000 §5(二)): a new listing of the same subject, black or of the same type, confirmed within the repaired
 * listing's validity cancels the repair and bars another repair of that listing within its validity.
 */
public final class ReOffence {

    private ReOffence() {
    }

    public static boolean cancels(RepairListing repaired, RepairListing newListing) {
        return newListing.subjectKey() != null && newListing.subjectKey().equals(repaired.subjectKey())
                && newListing.violationAgainst(repaired)
                && (newListing.recognitionDate() == null || repaired.inValidityOn(newListing.recognitionDate()));
    }
}
