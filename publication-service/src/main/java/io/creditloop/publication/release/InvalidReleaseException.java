package io.creditloop.publication.release;

import java.util.Map;

/** A release request breaks a rule of {@link Release#problems}. */
public class InvalidReleaseException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidReleaseException(Map<String, String> problems) {
        super("invalid release request: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    /** field → message */
    public Map<String, String> problems() {
        return problems;
    }
}
