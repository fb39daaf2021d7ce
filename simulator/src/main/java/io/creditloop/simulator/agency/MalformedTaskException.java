package io.creditloop.simulator.agency;

/** A task message the agency cannot act on: retrying cannot help, so it goes to the task topic's dead letters. */
public class MalformedTaskException extends RuntimeException {

    public MalformedTaskException(String message) {
        super(message);
    }

    public MalformedTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
