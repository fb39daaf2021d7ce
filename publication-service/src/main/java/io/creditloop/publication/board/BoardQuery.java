package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ListKind;

/**
 * A search of the board.
 *
 * @param text matched as a substring of the (masked) name or of the USCC; {@code null} or blank for all
 * @param kind {@code null} for every kind
 */
public record BoardQuery(String text, ListKind kind, int page, int size) {

    public BoardQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }
}
