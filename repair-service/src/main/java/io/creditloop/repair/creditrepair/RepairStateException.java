package io.creditloop.repair.creditrepair;

/** The step does not fit where the repair stands (R12). */
public class RepairStateException extends RuntimeException {

    public RepairStateException(String message) {
        super(message);
    }
}
