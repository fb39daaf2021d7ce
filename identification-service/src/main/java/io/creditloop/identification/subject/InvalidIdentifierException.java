package io.creditloop.identification.subject;

/** An identifier (USCC, ID number) that fails its standard; the message is fit for a clerk. */
public class InvalidIdentifierException extends IllegalArgumentException {

    public InvalidIdentifierException(String message) {
        super(message);
    }
}
