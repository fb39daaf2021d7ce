package io.creditloop.messaging;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives the relay (a stuck publication is simply retried on the next tick) and, hourly, forgets what no longer needs
 * keeping: published outbox rows and old inbox entries. Both are plain deletes by age, safe on several instances.
 * Besides the tick, {@link #prompt()} starts the relay as soon as a transaction that appended events commits, so an
 * event does not wait for the next tick (loop latency); prompts arriving while it runs are folded into one more run.
 * Two runs never send at once: the relay's advisory lock lets one through per schema.
 */
public class OutboxScheduler implements DisposableBean {

    private final AtomicBoolean prompted = new AtomicBoolean();
    private final ExecutorService promptly = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay-prompt");
        thread.setDaemon(true);
        return thread;
    });

    private final OutboxRelay relay;
    private final Inbox inbox;
    private final MessagingProperties properties;

    OutboxScheduler(OutboxRelay relay, Inbox inbox, MessagingProperties properties) {
        this.relay = relay;
        this.inbox = inbox;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${creditloop.messaging.relay-interval:100ms}",
            initialDelayString = "${creditloop.messaging.relay-initial-delay:1s}")
    public void relay() {
        if (properties.relayEnabled()) {
            relay.relayPending();
        }
    }

    /** Called after the commit of a transaction that appended events. */
    void prompt() {
        if (properties.relayEnabled() && properties.relayOnCommit() && prompted.compareAndSet(false, true)) {
            promptly.execute(() -> {
                prompted.set(false);
                relay.relayPending();
            });
        }
    }

    @Override
    public void destroy() {
        promptly.shutdownNow();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purge() {
        relay.purgePublished(properties.publishedRetention());
        inbox.forget(properties.processedRetention());
    }
}
