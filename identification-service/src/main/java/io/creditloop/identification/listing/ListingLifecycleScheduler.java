package io.creditloop.identification.listing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Time-driven transitions: publicity that ended without objection, and validity that ended (R13 expiry). Safe with
 * several instances: each listing is locked and re-checked in its own transaction, so a listing another instance
 * already moved is skipped.
 */
@Component
public class ListingLifecycleScheduler {

    private static final Logger log = LoggerFactory.getLogger(ListingLifecycleScheduler.class);
    private static final int BATCH = 200;

    private final ListingService service;
    private final boolean enabled;

    public ListingLifecycleScheduler(ListingService service,
                                     @org.springframework.beans.factory.annotation.Value(
                                             "${creditloop.identification.lifecycle-enabled:true}") boolean enabled) {
        this.service = service;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${creditloop.identification.lifecycle-interval:60s}", initialDelayString = "10s")
    void scheduled() {
        if (enabled) {
            run();
        }
    }

    /** One pass over the due listings; the schedule calls it, and so can tests and operators. */
    public void run() {
        int confirmed = 0;
        int expired = 0;
        for (UUID id : service.publicityDue(BATCH)) {
            confirmed += attempt(() -> service.publicityEnded(id), id);
        }
        for (UUID id : service.expiryDue(BATCH)) {
            expired += attempt(() -> service.expired(id), id);
        }
        if (confirmed + expired > 0) {
            log.info("lifecycle: {} publicity ended, {} expired", confirmed, expired);
        }
    }

    private int attempt(java.util.function.BooleanSupplier transition, UUID id) {
        try {
            return transition.getAsBoolean() ? 1 : 0;
        } catch (RuntimeException e) {
            // one listing's problem must not stop the others; the next run retries it
            log.warn("lifecycle transition of listing {} failed: {}", id, e.toString());
            return 0;
        }
    }
}
