package io.creditloop.sanction.measure;

/** A revision of the measures catalog was made to a version that is no longer the latest. */
public class OutdatedRevisionException extends RuntimeException {

    public OutdatedRevisionException(String message) {
        super(message);
    }
}
