package io.creditloop.repair.objection;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * R10: evidence for an objection: a reference (a document number, a registry entry) or an uploaded file kept in the
 * private evidence directory under a generated name ({@code storageName}); the original file name is metadata only.
 */
public record Evidence(UUID id, Kind kind, String description, String reference, String fileName,
                       String contentType, Long sizeBytes, String sha256, @JsonIgnore String storageName,
                       Instant addedAt) {

    public enum Kind { REFERENCE, FILE }

    public Evidence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(addedAt, "addedAt");
        if ((kind == Kind.REFERENCE) != (reference != null) || (kind == Kind.FILE) != (storageName != null)) {
            throw new IllegalArgumentException("a reference carries a reference, a file a stored file");
        }
    }

    public static Evidence reference(String description, String reference, Instant now) {
        return new Evidence(UUID.randomUUID(), Kind.REFERENCE, description, reference, null, null, null, null, null,
                now);
    }
}
