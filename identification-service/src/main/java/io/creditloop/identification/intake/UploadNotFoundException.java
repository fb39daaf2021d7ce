package io.creditloop.identification.intake;

import java.util.UUID;

public class UploadNotFoundException extends RuntimeException {

    public UploadNotFoundException(UUID id) {
        super("no upload " + id);
    }
}
