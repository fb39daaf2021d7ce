package io.creditloop.identification.intake;

/**
 * The file could not be read on from some point (a damaged zip entry, malformed sheet XML, a broken CSV quote).
 * Rows read before that point have been handed on.
 */
public class UnreadableSpreadsheetException extends RuntimeException {

    private final int lastRow;

    /** @param lastRow the last row number read successfully, 0 if none */
    public UnreadableSpreadsheetException(String message, int lastRow, Throwable cause) {
        super(message, cause);
        this.lastRow = lastRow;
    }

    public int lastRow() {
        return lastRow;
    }
}
