package io.creditloop.sanction;

import java.util.List;

/** Input that breaks a rule, with every field that needs correcting; nothing was changed. */
public class InvalidInputException extends RuntimeException {

    private final String what;
    private final List<FieldProblem> problems;

    public InvalidInputException(String what, List<FieldProblem> problems) {
        super(problems.size() + " field(s) of the " + what + " need correcting");
        this.what = what;
        this.problems = List.copyOf(problems);
    }

    /** What was refused, e.g. {@code measure}, {@code watch list}. */
    public String what() {
        return what;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
