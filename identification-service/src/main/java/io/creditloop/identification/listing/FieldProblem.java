package io.creditloop.identification.listing;

/** One invalid field of a submitted listing, with a reason a clerk understands. */
public record FieldProblem(String field, String message) {
}
