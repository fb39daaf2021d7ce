package io.creditloop.sanction;

/** One field of a request that needs correcting, named as in the request ({@code subjects[2].idNumber}). */
public record FieldProblem(String field, String message) {
}
