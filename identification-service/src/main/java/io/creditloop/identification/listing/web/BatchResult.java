package io.creditloop.identification.listing.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.creditloop.identification.listing.FieldProblem;

import java.util.List;
import java.util.UUID;

/** The outcome of each listing of a batch, in request order, and the totals. */
public record BatchResult(int created, int duplicates, int rejected, List<Item> results) {

    public enum Outcome { CREATED, DUPLICATE, REJECTED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, Outcome outcome, UUID id, List<FieldProblem> errors) {
    }
}
