package io.creditloop.sharing.inbound;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.LocalDate;

/**
 * One listing as an upstream platform states it, validated by {@link UpstreamRecordRules}. Two receipts with equal
 * records are the same fact; a record that differs is a change of the listing.
 */
public record UpstreamRecord(String upstreamId, String listName, ListKind kind, boolean inForce,
                             SubjectType subjectType, String name, String uscc, String idNumber, String authority,
                             LocalDate recognitionDate, LocalDate validUntil) {

    /** The subject's ID number, masked; never the number itself (R16). */
    @Override
    public String toString() {
        return "UpstreamRecord[" + upstreamId + ", " + kind + ", inForce=" + inForce + ", " + subjectType + "]";
    }
}
