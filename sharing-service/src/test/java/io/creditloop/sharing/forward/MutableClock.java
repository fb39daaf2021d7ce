package io.creditloop.sharing.forward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Simulated time for the integration tests: runs at the real pace from wherever a test set it, so backoffs and leases
 * still run out between the jumps (a clock that stood still would keep a retried forward waiting forever).
 */
final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    MutableClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(Duration.between(Instant.now(), start)), zone);
    }

    private MutableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    void set(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(offset, other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
