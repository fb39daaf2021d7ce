package io.creditloop.repair.supervision;

/** R15: the report cannot take this step (verified already, or not a red listing in force). */
public class SupervisionStateException extends RuntimeException {

    public SupervisionStateException(String message) {
        super(message);
    }
}
