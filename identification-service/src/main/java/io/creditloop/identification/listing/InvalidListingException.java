package io.creditloop.identification.listing;

import java.util.List;

/** A listing that cannot be accepted; nothing was written. */
public class InvalidListingException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidListingException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
