package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.SubjectType;

/** The subject of a listing; {@code key} is its stable partition key (see {@code SubjectKey}). */
public record ListedSubject(SubjectType type, String name, String uscc, String idType, String idNumber,
                            String legalRepresentative, String key, String organisationCode, String lei,
                            String legalRepresentativeIdNumber) {

    @Override
    public String toString() {
        // never let an ID number reach a log through toString
        return "ListedSubject[" + type + ", key=" + key + "]";
    }
}
