package io.creditloop.sharing.inbound;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * R4, R5: a listing made by an upstream platform as this city holds it. The platform may send the same record again
 * (a retry, a full daily export): an identical record is the same fact and changes nothing; a record that differs —
 * corrected, or removed at the source ({@code inForce = false}) — is the next revision, published again so the
 * cross-checks see the change.
 *
 * @param id       this service's id, stable across revisions
 * @param revision 1 for the first receipt, +1 per change
 */
public record UpstreamListing(UUID id, String platform, long revision, UpstreamRecord record, Instant receivedAt,
                              Instant updatedAt) {

    public UpstreamListing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (platform == null || platform.isBlank() || revision < 1) {
            throw new IllegalArgumentException("an upstream listing needs a platform and a revision >= 1");
        }
    }

    public static UpstreamListing first(String platform, UpstreamRecord record, Instant now) {
        return new UpstreamListing(UUID.randomUUID(), platform, 1, record, now, now);
    }

    /** The next revision if {@code received} differs from what is held; empty if it is the same record again. */
    public Optional<UpstreamListing> receive(UpstreamRecord received, Instant now) {
        if (!record.upstreamId().equals(received.upstreamId())) {
            throw new IllegalArgumentException("record " + received.upstreamId() + " is not " + record.upstreamId());
        }
        if (record.equals(received)) {
            return Optional.empty();
        }
        return Optional.of(new UpstreamListing(id, platform, revision + 1, received, receivedAt, now));
    }

    /** The Kafka key: one upstream record's revisions stay in order. */
    public String messageKey() {
        return platform + ":" + record.upstreamId();
    }
}
