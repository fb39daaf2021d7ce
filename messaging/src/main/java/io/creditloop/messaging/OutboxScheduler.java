package io.creditloop.messaging;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Drives the relay (a stuck publication is simply retried on the next tick) and, hourly, forgets what no longer needs
 * keeping: published outbox rows and old inbox entries. Both are plain deletes by age, safe on several instances.
 */
public class OutboxScheduler {

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

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purge() {
        relay.purgePublished(properties.publishedRetention());
        inbox.forget(properties.processedRetention());
    }
}
