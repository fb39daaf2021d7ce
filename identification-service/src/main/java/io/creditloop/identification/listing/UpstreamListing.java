package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ListKind;

import java.time.LocalDate;

/**
 * A listing made outside this deployment (a provincial or national platform, the courts' judgment-defaulter list), as
 * identification keeps it for the R4/R5/R13 cross-checks: no personal data, only the subject's key.
 */
public record UpstreamListing(String platform, String upstreamId, String listName, ListKind kind, boolean inForce,
                              String subjectKey, LocalDate validUntil) {

    public boolean inForceOn(LocalDate day) {
        return inForce && (validUntil == null || !validUntil.isBefore(day));
    }

    /** How the cross-checks name it to a clerk. */
    public String describe() {
        return listName + "（" + platform + " 平台 " + upstreamId + "）";
    }
}
