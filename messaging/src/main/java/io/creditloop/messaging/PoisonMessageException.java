package io.creditloop.messaging;

/**
 * A message that can never be processed (malformed JSON, missing envelope fields, invalid data).
 * It is not retried: the error handler sends it straight to the topic's dead-letter topic with this reason.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
