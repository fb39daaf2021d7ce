package io.creditloop.sharing.forward;

import jakarta.annotation.PreDestroy;
import io.creditloop.messaging.CurrentRequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Delivers due forwards: claim a batch (one short statement), hand each platform its share with no transaction open,
 * then record each outcome in its own transaction. A worker keeps claiming while batches come back full and every
 * platform answered, so a backlog drains at the platforms' pace rather than one batch per tick; a failing platform
 * ends the worker's round. Deferred forwards (open circuit, full bulkhead, a failure earlier in the batch) are given
 * back untried.
 */
@Component
class ForwardDelivery {

    private static final Logger log = LoggerFactory.getLogger(ForwardDelivery.class);
    /** One round of a worker ends after this long, so shutdown and the other scheduled jobs are not held up. */
    private static final Duration MAX_ROUND = Duration.ofSeconds(20);

    private final Forwards forwards;
    private final ForwardService service;
    private final UpstreamPlatforms platforms;
    private final SharingProperties properties;
    private final Clock clock;
    private final ExecutorService extraWorkers;

    ForwardDelivery(Forwards forwards, ForwardService service, UpstreamPlatforms platforms,
                    SharingProperties properties, Clock clock) {
        this.forwards = forwards;
        this.service = service;
        this.platforms = platforms;
        this.properties = properties;
        this.clock = clock;
        int extra = properties.deliveryWorkers() - 1;
        this.extraWorkers = extra == 0 ? null : Executors.newFixedThreadPool(extra, r -> {
            Thread t = new Thread(r, "forward-delivery");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelayString = "${creditloop.sharing.delivery-interval:500ms}",
            initialDelayString = "${creditloop.sharing.delivery-initial-delay:1s}")
    void deliverDue() {
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 1; i < properties.deliveryWorkers(); i++) {
            others.add(extraWorkers.submit(this::drain));
        }
        drain();
        for (Future<Integer> other : others) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.error("a delivery worker failed: {}", e.getCause().toString());
            }
        }
    }

    /** Claims and delivers batches until none is due, one comes back short, or a platform did not answer. */
    int drain() {
        long endBy = System.nanoTime() + MAX_ROUND.toNanos();
        int handled = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<Forward> claimed = forwards.claimDue(clock.instant(), properties.claimLease(), properties.batchSize());
            if (claimed.isEmpty()) {
                break;
            }
            boolean answered = deliver(claimed);
            handled += claimed.size();
            if (!answered || claimed.size() < properties.batchSize() || System.nanoTime() > endBy) {
                break;
            }
        }
        return handled;
    }

    /** One claimed batch; false if some platform failed or was not tried. */
    boolean deliver(List<Forward> claimed) {
        Map<String, List<Forward>> byPlatform = new LinkedHashMap<>();
        for (Forward forward : claimed) {
            byPlatform.computeIfAbsent(forward.platform(), p -> new ArrayList<>()).add(forward);
        }
        boolean answered = true;
        List<UUID> untried = new ArrayList<>();
        for (Map.Entry<String, List<Forward>> share : byPlatform.entrySet()) {
            List<Forward> batch = share.getValue();
            List<DeliveryOutcome> outcomes = platforms.get(share.getKey())
                    .map(platform -> platform.deliver(batch))
                    .orElseGet(() -> batch.stream().<DeliveryOutcome>map(f -> new DeliveryOutcome.Failed(
                            "platform " + f.platform() + " is no longer configured (creditloop.sharing.platforms)"))
                            .toList());
            for (int i = 0; i < batch.size(); i++) {
                Forward forward = batch.get(i);
                DeliveryOutcome outcome = outcomes.get(i);
                if (outcome instanceof DeliveryOutcome.Deferred) {
                    untried.add(forward.forwardId());
                    answered = false;
                    continue;
                }
                if (outcome instanceof DeliveryOutcome.Failed) {
                    answered = false;
                }
                // the outcome's event carries the request id the forward was recorded for (a scheduler has none)
                try (CurrentRequestId.Scope request = CurrentRequestId.open(forward.requestId())) {
                    service.recordOutcome(forward.forwardId(), outcome);
                } catch (RuntimeException e) {
                    // the claim runs out and the forward is tried again; the platform recognises the Idempotency-Key
                    log.error("could not record the outcome of forward {}: {}", forward.forwardId(), e.toString());
                }
            }
        }
        forwards.release(untried, clock.instant().plus(properties.retryInitial()));
        return answered;
    }

    @PreDestroy
    void stop() {
        if (extraWorkers != null) {
            extraWorkers.shutdownNow();
        }
    }
}
