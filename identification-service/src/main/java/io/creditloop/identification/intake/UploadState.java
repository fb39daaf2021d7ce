package io.creditloop.identification.intake;

public enum UploadState {
    /** stored and checked (format, header), waiting for a worker */
    RECEIVED,
    /** rows are being read; resumed after a restart */
    RUNNING,
    DONE,
    /** stopped early; the reason says how far it got */
    FAILED
}
