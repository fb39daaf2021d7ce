package io.creditloop.identification.catalog;

import io.creditloop.identification.listing.FieldProblem;

import java.util.List;

/** A catalog change that cannot be accepted; nothing was written. */
public class InvalidListTypeException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidListTypeException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
