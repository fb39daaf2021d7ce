package io.creditloop.publication.release;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** R7: looks every {@code creditloop.publication.releases.check-interval} for a due unified release. */
@Component
class ReleaseScheduler {

    private final ReleaseService releases;

    ReleaseScheduler(ReleaseService releases) {
        this.releases = releases;
    }

    @Scheduled(initialDelayString = "${creditloop.publication.releases.check-interval:1h}",
            fixedDelayString = "${creditloop.publication.releases.check-interval:1h}")
    void check() {
        releases.releaseIfDue();
    }
}
