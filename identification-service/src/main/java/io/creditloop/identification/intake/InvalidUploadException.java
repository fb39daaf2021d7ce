package io.creditloop.identification.intake;

import io.creditloop.identification.listing.FieldProblem;

import java.util.List;

/**
 * The upload as a whole cannot be taken (not a spreadsheet, no header, a required column missing); nothing was
 * written.
 */
public class InvalidUploadException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidUploadException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidUploadException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid upload" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
