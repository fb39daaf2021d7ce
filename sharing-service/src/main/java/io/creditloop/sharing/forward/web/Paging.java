package io.creditloop.sharing.forward.web;

import java.util.List;
import java.util.regex.Pattern;

/** Page and size limits and code checks shared by the dashboard endpoints. */
final class Paging {

    static final int MAX_SIZE = 500;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new BadQueryException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadQueryException("size", "must be 1.." + MAX_SIZE);
        }
    }

    /** A platform or department code, or null when absent. */
    static String code(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!CODE.matcher(value).matches()) {
            throw new BadQueryException(field, "must be a code of 1-64 of [a-z0-9-]");
        }
        return value;
    }

    /** One page of a listing. */
    record Page<T>(List<T> items, int page, int size, long total) {
    }
}
