package io.creditloop.publication.board;

import java.util.List;

/**
 * One page of a stable ordering; {@code total} counts every item the query matches, or, when {@code totalExact} is
 * false, is a lower bound (the board's search stops counting at a limit: "1000+").
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    public Page {
        items = List.copyOf(items);
    }

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }
}
