package io.creditloop.sharing.registry;

import java.time.Instant;

/**
 * R16: one registered query of a natural person: who (agency and official), when, which subject (its key and masked
 * ID number), the stated purpose, the kind of query, and how many listings it showed.
 */
public record RegisterEntry(long id, Instant queriedAt, String agency, String official, SubjectQuery.Kind kind,
                            String purpose, String subjectKey, String idNumberMasked, String subjectName,
                            int resultCount) {
}
