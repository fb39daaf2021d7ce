package io.creditloop.security;

/** A token that is missing, malformed, forged, expired or meant for someone else (401). */
public class InvalidToken extends RuntimeException {

    public InvalidToken(String message) {
        super(message);
    }

    public InvalidToken(String message, Throwable cause) {
        super(message, cause);
    }
}
