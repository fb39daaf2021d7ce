package io.creditloop.sharing.registry;

import java.util.Objects;

/**
 * One query of the subject database, as registered: never the ID number asked for, only its keyed hash (to find
 * the person) and its masked form (to show who was looked up).
 *
 * @param value the USCC or the name asked for; for an ID number query its masked form
 */
public record SubjectQuery(Kind kind, String value, String subjectKey, String purpose) {

    public enum Kind { USCC, ID_NUMBER, NAME }

    public SubjectQuery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        purpose = purpose == null || purpose.isBlank() ? null : purpose.strip();
    }
}
