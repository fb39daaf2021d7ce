package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ListKind;

import java.time.LocalDate;

/**
 * A search of the board; every criterion is optional and they combine with AND.
 *
 * @param text       a part of a (masked) name, a whole USCC, or a whole ID number (matched by its keyed hash)
 * @param kind       red, black or gray
 * @param listType   a catalog code, e.g. {@code TAX_MAJOR_VIOLATION}
 * @param department the recognising department's code
 * @param from       recognition date on or after
 * @param to         recognition date on or before
 */
public record BoardQuery(String text, ListKind kind, String listType, String department, LocalDate from,
                         LocalDate to, int page, int size) {

    public BoardQuery {
        text = blankToNull(text);
        listType = blankToNull(listType);
        department = blankToNull(department);
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    public BoardQuery(String text, ListKind kind, int page, int size) {
        this(text, kind, null, null, null, null, page, size);
    }

    /** The same criteria, every match at once (exports). */
    public BoardQuery unpaged() {
        return new BoardQuery(text, kind, listType, department, from, to, 0, Integer.MAX_VALUE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
