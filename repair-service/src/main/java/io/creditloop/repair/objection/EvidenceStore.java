package io.creditloop.repair.objection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Evidence files on disk, in a private directory ({@code creditloop.repair.evidence-dir}): they may hold personal
 * data. A file is written under a generated name to a temporary file first and moved into place, so a crash leaves
 * no half file under a name the database knows; an orphan file (stored, row not committed) holds nothing reachable.
 */
@Component
public class EvidenceStore {

    public record Stored(String storageName, long size, String sha256) {
    }

    private final Path directory;

    public EvidenceStore(@Value("${creditloop.repair.evidence-dir:${java.io.tmpdir}/creditloop-evidence}") String dir) {
        this.directory = Path.of(dir);
        try {
            Files.createDirectories(directory);
            try {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // not a POSIX file system: the volume's own permissions apply
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the evidence directory", e);
        }
    }

    public Stored store(InputStream content) {
        String name = UUID.randomUUID().toString();
        Path temporary = directory.resolve(name + ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, sha)) {
                size = Files.copy(in, temporary);
            }
            Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return new Stored(name, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the .part file is left behind; it is never referenced
            }
            throw new UncheckedIOException("cannot store evidence", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path path(String storageName) {
        return directory.resolve(storageName);
    }
}
