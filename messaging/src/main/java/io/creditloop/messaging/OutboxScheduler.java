package io.creditloop.messaging;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives the relay (a stuck publication is simply retried on the next tick) and, hourly, forgets what no longer needs
 * keeping: published outbox rows past {@code published-retention} (with none, the default, the relay has deleted them
 * already) and old inbox entries. Both are plain deletes by age, safe on several instances.
 * {@link #prompt()} starts the relay as soon as a transaction that appended events commits, so an event does not wait
 * for a tick (loop latency); prompts arriving while it runs are folded into one more run. With that on
 * ({@code relay-on-commit}, the default) the tick ({@code relay-interval}, 1 s) is only the fallback: a relay that
 * failed (broker down) is retried, and rows another instance's relay passed over are sent. The tick then goes through
 * the same single thread as the prompts, so in one JVM a tick never holds the relay's lock while a prompted run is
 * turned away. Two runs never send at once: the relay's advisory lock lets one through per schema.
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

    @Scheduled(fixedDelayString = "${creditloop.messaging.relay-interval:1s}",
            initialDelayString = "${creditloop.messaging.relay-initial-delay:1s}")
    public void relay() {
        if (!properties.relayEnabled()) {
            return;
        }
        if (properties.relayOnCommit()) {
            runSoon();
        } else {
            relay.relayPending();
        }
    }

    /** Called after the commit of a transaction that appended events. */
    void prompt() {
        if (properties.relayEnabled() && properties.relayOnCommit()) {
            runSoon();
        }
    }

    private void runSoon() {
        if (prompted.compareAndSet(false, true)) {
            try {
                promptly.execute(() -> {
                    prompted.set(false);
                    relay.relayPending();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                prompted.set(false); // shutting down
            }
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
