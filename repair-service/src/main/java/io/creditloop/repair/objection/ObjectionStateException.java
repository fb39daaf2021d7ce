package io.creditloop.repair.objection;

/** The step does not fit where the objection stands (R10). */
public class ObjectionStateException extends RuntimeException {

    public ObjectionStateException(String message) {
        super(message);
    }
}
