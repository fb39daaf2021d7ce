package io.creditloop.messaging;

import org.springframework.scheduling.annotation.Scheduled;

/** Drives the relay; a stuck publication is simply retried on the next tick. */
public class OutboxScheduler {

    private final OutboxRelay relay;
    private final MessagingProperties properties;

    OutboxScheduler(OutboxRelay relay, MessagingProperties properties) {
        this.relay = relay;
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
    }
}
