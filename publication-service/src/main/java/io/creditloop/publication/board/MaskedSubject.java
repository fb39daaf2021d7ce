package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.SubjectType;

import java.util.Objects;

/**
 * A credit subject as the board may show it; made by {@link Masking#subject}.
 *
 * @param name           an organisation's name, or a person's masked name
 * @param uscc           organisations only
 * @param maskedIdNumber persons only, never the full number
 */
public record MaskedSubject(SubjectType type, String name, String uscc, String maskedIdNumber) {

    public MaskedSubject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (maskedIdNumber != null && maskedIdNumber.indexOf('*') < 0) {
            throw new IllegalArgumentException("an ID number must be masked before it reaches the board");
        }
    }
}
