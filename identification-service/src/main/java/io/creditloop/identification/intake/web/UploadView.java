package io.creditloop.identification.intake.web;

import io.creditloop.identification.intake.IntakeUpload;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An upload's state and progress as a UI polls it. */
public record UploadView(UUID id, String department, String listType, String fileName, long sizeBytes, String sha256,
                         String format, String template, String state, long rowsRead, long accepted, long rejected,
                         long duplicates, List<String> notes, Instant receivedAt, Instant startedAt,
                         Instant finishedAt, String failureReason, Map<String, String> links) {

    static UploadView of(IntakeUpload u) {
        String self = "/api/intake/uploads/" + u.id();
        return new UploadView(u.id(), u.department(), u.listType(), u.fileName(), u.sizeBytes(), u.sha256(),
                u.format().name(), u.template(), u.state().name(), u.progress().rowsRead(), u.progress().accepted(),
                u.progress().rejected(), u.progress().duplicates(), u.notes(), u.receivedAt(), u.startedAt(),
                u.finishedAt(), u.failureReason(),
                Map.of("self", self, "rejections", self + "/rejections", "report", self + "/report.xlsx"));
    }
}
