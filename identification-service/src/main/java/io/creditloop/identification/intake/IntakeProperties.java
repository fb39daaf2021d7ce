package io.creditloop.identification.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * {@code creditloop.intake.*} (environment: {@code CREDITLOOP_INTAKE_STORAGE_DIR}, ...).
 *
 * @param storageDir       where uploaded files are kept (they hold personal data: a private, backed-up volume);
 *                         {@code ${java.io.tmpdir}/creditloop-intake} when unset
 * @param maxFileSize      larger uploads are refused with 413
 * @param maxEntrySize     the largest uncompressed part of an .xlsx (a sheet's XML); a zip bomb stops there
 * @param minInflateRatio  POI's zip-bomb ratio (compressed / uncompressed) below which reading stops; very
 *                         repetitive generated sheets may need a lower value
 * @param threads          uploads processed at the same time
 * @param chunkRows        rows written per transaction (a chunk commits whole or not at all; the progress
 *                         counters move with each chunk)
 * @param headerSearchRows how many non-empty rows at the top of a sheet are searched for the header
 * @param leaseTimeout     a running upload whose instance has not written a chunk for this long is taken over by
 *                         another instance (or by this one after a restart); longer than the slowest chunk
 */
@ConfigurationProperties("creditloop.intake")
public record IntakeProperties(String storageDir,
                               @DefaultValue("200MB") DataSize maxFileSize,
                               @DefaultValue("2GB") DataSize maxEntrySize,
                               @DefaultValue("0.01") double minInflateRatio,
                               @DefaultValue("1") int threads,
                               @DefaultValue("500") int chunkRows,
                               @DefaultValue("20") int headerSearchRows,
                               @DefaultValue("60s") java.time.Duration leaseTimeout) {

    public IntakeProperties {
        if (threads < 1 || chunkRows < 1 || headerSearchRows < 1) {
            throw new IllegalArgumentException("creditloop.intake: threads, chunk-rows and header-search-rows must "
                    + "be positive");
        }
    }

    public Path storagePath() {
        return storageDir == null || storageDir.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "creditloop-intake")
                : Path.of(storageDir);
    }
}
