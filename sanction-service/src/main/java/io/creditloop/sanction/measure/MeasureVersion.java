package io.creditloop.sanction.measure;

import java.time.Instant;
import java.util.Objects;

/**
 * One published version of a measure in the catalog, as the credit office published it. A withdrawn version keeps
 * the wording of the one before it and takes the measure out of force: no new tasks are made under it, and tasks made
 * under earlier versions stay as they are.
 */
public record MeasureVersion(Measure measure, boolean withdrawn, Instant publishedAt, String publishedBy,
                             String revisionNote) {

    public MeasureVersion {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(publishedBy, "publishedBy");
    }
}
