package io.creditloop.sharing.registry.web;

import java.util.List;
import java.util.Map;

/** A query the register cannot run as asked: answered 400 with a problem per field; never echoes an ID number. */
class InvalidQueryException extends RuntimeException {

    final List<Map<String, String>> errors;

    InvalidQueryException(List<Map<String, String>> errors) {
        super("invalid query", null, false, false);
        this.errors = List.copyOf(errors);
    }

    static InvalidQueryException of(String field, String message) {
        return new InvalidQueryException(List.of(Map.of("field", field, "message", message)));
    }
}
