package io.creditloop.identification.listing;

/** A transition the listing's current state does not allow (e.g. exiting an exited listing). */
public class ListingStateException extends RuntimeException {

    public ListingStateException(String message) {
        super(message);
    }
}
