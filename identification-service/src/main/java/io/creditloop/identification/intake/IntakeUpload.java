package io.creditloop.identification.intake;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded spreadsheet and how far its processing got.
 *
 * @param listType  the list type code given for every row, or {@code null} when each row names its own
 * @param template  the template(s) its sheets were recognised as, comma separated
 * @param notes     what the clerk should know about how the file was read (ignored columns, defaults applied)
 * @param requestId the request id of the upload (X-Request-Id): the worker processes the upload in its name, so the
 *                  listings' events carry it; {@code null} if there was none
 */
public record IntakeUpload(UUID id, String department, String listType, String fileName, Path storedPath,
                           long sizeBytes, String sha256, SpreadsheetFormat format, String template, List<String> notes,
                           UploadState state, Progress progress, int attempts, Instant receivedAt, Instant startedAt,
                           Instant finishedAt, String failureReason, String requestId) {

    public IntakeUpload {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public boolean finished() {
        return state == UploadState.DONE || state == UploadState.FAILED;
    }
}
