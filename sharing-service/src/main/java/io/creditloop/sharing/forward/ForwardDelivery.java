package io.creditloop.sharing.forward;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Delivers due forwards: claim a small batch (one short statement), call each platform with no transaction open,
 * then record each outcome in its own transaction. A failed forward waits for its backoff; once a platform failed in
 * a tick, its other forwards are given back untried rather than queued behind more timeouts.
 */
@Component
class ForwardDelivery {

    private static final Logger log = LoggerFactory.getLogger(ForwardDelivery.class);

    private final Forwards forwards;
    private final ForwardService service;
    private final PlatformClient client;
    private final SharingProperties properties;
    private final Clock clock;

    ForwardDelivery(Forwards forwards, ForwardService service, PlatformClient client, SharingProperties properties,
                    Clock clock) {
        this.forwards = forwards;
        this.service = service;
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${creditloop.sharing.delivery-interval:500ms}",
            initialDelayString = "${creditloop.sharing.delivery-initial-delay:1s}")
    void deliverDue() {
        List<Forward> claimed = forwards.claimDue(clock.instant(), properties.claimLease(), properties.batchSize());
        Set<String> failing = new HashSet<>();
        List<UUID> untried = new ArrayList<>();
        for (Forward forward : claimed) {
            if (failing.contains(forward.platform())) {
                untried.add(forward.forwardId());
                continue;
            }
            DeliveryOutcome outcome = properties.platform(forward.platform())
                    .map(platform -> client.send(platform.url(), forward))
                    .orElseGet(() -> new DeliveryOutcome.Failed("platform " + forward.platform()
                            + " is no longer configured (creditloop.sharing.platforms)"));
            if (outcome instanceof DeliveryOutcome.Failed) {
                failing.add(forward.platform());
            }
            try {
                service.recordOutcome(forward.forwardId(), outcome);
            } catch (RuntimeException e) {
                // the claim runs out and the forward is tried again; the platform recognises the Idempotency-Key
                log.error("could not record the outcome of forward {}: {}", forward.forwardId(), e.toString());
            }
        }
        Instant now = clock.instant();
        forwards.release(untried, now.plus(properties.retryInitial()));
    }
}
