package io.creditloop.sharing.forward;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A platform that takes one JSON POST per record, with {@code Idempotency-Key: <forwardId>}: a retried forward is
 * recognised upstream and never recorded twice. Once a call in the batch failed, the rest of the batch is deferred
 * rather than queued behind more timeouts.
 */
final class HttpPushPlatform implements UpstreamPlatform {

    private final String code;
    private final URI url;
    private final PlatformClient client;
    private final PlatformGuard guard;
    private final Predicate<UUID> stillPending;

    /** @param stillPending asked before a retry: a forward cancelled meanwhile (R11) is not sent again */
    HttpPushPlatform(String code, URI url, PlatformClient client, PlatformGuard guard, Predicate<UUID> stillPending) {
        this.code = code;
        this.url = url;
        this.client = client;
        this.guard = guard;
        this.stillPending = stillPending;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public List<DeliveryOutcome> deliver(List<Forward> forwards) {
        List<DeliveryOutcome> outcomes = new ArrayList<>(forwards.size());
        String stopped = null;
        for (Forward forward : forwards) {
            if (stopped != null) {
                outcomes.add(new DeliveryOutcome.Deferred(stopped));
                continue;
            }
            AtomicInteger calls = new AtomicInteger();
            DeliveryOutcome outcome = guard.call(() -> calls.incrementAndGet() > 1 && !stillPending.test(forward.forwardId())
                    ? new DeliveryOutcome.Deferred("forward " + forward.forwardId() + " is no longer pending")
                    : client.send(url, forward));
            if (outcome instanceof DeliveryOutcome.Failed || outcome instanceof DeliveryOutcome.Deferred) {
                stopped = "platform " + code + " failed earlier in this batch";
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
