package io.creditloop.sanction.watch;

import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.Instant;
import java.util.Objects;

/**
 * R8 targeted distribution (定向分发, 003 §18): the agency serves this subject and is told at once when it is listed,
 * corrected or exits, measure or not. A person is held only by the keyed hash of the ID number (R16).
 */
public record WatchEntry(String agencyCode, String subjectKey, SubjectType subjectType, String relation,
                         Instant registeredAt) {

    public WatchEntry {
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
