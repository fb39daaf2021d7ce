package io.creditloop.sanction.task;

import java.util.UUID;

/**
 * Which tasks the dashboard asks for; every criterion is optional.
 *
 * @param overdue true: only tasks past their response deadline without a response; false: only the others
 * @param limit   at most this many, 1 to {@link #MAX_LIMIT}
 */
public record TaskQuery(TaskState state, String agencyCode, UUID listingId, Boolean overdue, int limit) {

    public static final int MAX_LIMIT = 1000;

    public TaskQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
    }
}
