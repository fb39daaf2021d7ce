package io.creditloop.publication.board;

import java.util.List;

/** One page of a stable ordering; {@code total} counts every item the query matches. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
