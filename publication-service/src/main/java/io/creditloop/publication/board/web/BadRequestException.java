package io.creditloop.publication.board.web;

import java.util.Map;

/** A request breaks a rule the parameter annotations cannot say; answered with a 400 problem naming the fields. */
public class BadRequestException extends RuntimeException {

    private final Map<String, String> problems;

    public BadRequestException(String field, String message) {
        this(Map.of(field, message));
    }

    public BadRequestException(Map<String, String> problems) {
        super("bad request: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    /** field → message */
    public Map<String, String> problems() {
        return problems;
    }
}
