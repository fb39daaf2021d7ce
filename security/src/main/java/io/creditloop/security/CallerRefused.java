package io.creditloop.security;

/**
 * The caller is known but may not do this (403). Thrown by services before they write anything; turned into an
 * RFC 7807 problem by {@link CallerProblems}.
 */
public class CallerRefused extends RuntimeException {

    public CallerRefused(String message) {
        super(message);
    }

    /** Refuses unless {@code allowed}. */
    public static void unless(boolean allowed, String message) {
        if (!allowed) {
            throw new CallerRefused(message);
        }
    }
}
