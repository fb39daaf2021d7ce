package io.creditloop.identification.intake;

/** The report of an upload that is still being processed was asked for. */
public class UploadNotFinishedException extends RuntimeException {

    public UploadNotFinishedException(String message) {
        super(message);
    }
}
