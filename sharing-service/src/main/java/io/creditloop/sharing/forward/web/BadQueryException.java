package io.creditloop.sharing.forward.web;

/** A query parameter out of its range or shape; answered with a 400 problem naming the field. */
class BadQueryException extends RuntimeException {

    private final String field;

    BadQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
