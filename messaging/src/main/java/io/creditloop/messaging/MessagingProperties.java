package io.creditloop.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code creditloop.messaging.*}: outbox relay and consumer retry settings. {@code processedRetention}: how long the
 * inbox remembers an event it handled; keep it above the topics' retention (Kafka's default is 7 days), since only
 * an event still in a topic can be delivered again. {@code topicPartitions}, {@code topicReplicas}: of the suite's
 * topics ({@code Topics.SUITE_TOPICS} and their dead-letter topics), created at start-up if missing, so a cluster
 * need not auto-create topics; more partitions than a topic has are added, fewer are never taken away.
 * {@code relayOnCommit}: start the relay as soon as events are committed, not only on its tick.
 * {@code publishedRetention}: how long the outbox keeps a row Kafka has acknowledged. Zero (the default, issue 9): the
 * relay deletes it in the transaction that sent it. More (e.g. {@code 7d}, to inspect what went out): the relay marks
 * it published and the hourly purge deletes it once older than that.
 * {@code listingFetchMinSize}, {@code listingFetchMaxWait} (issue 9): the listing-event consumers' fetches. The broker
 * answers one once it holds that many bytes for it or the wait is over, so under load a poll brings several events
 * (one transaction, one commit, one fetch for them all) at the price of at most the wait when the topic is quiet.
 * Each waiting consumer costs the broker a fetch per wait even with nothing to send: at 100 listings/s, 20 ms cost
 * about a tenth of a core more than the defaults (docs/BENCHMARKS.md, run I), 50 ms a third of that. So only the
 * listing-event batch consumers wait; the record consumers of quiet topics keep Kafka's defaults (1 byte, 500 ms).
 * {@code backgroundFetchMinSize}, {@code backgroundFetchMaxWait} (issue 9): the same for the listing-event consumers
 * whose work can wait half a second ({@link ListingEventStream#BACKGROUND_BATCHES}: forwards, registry, board, case
 * report, check read model, repair's copy). Under load they take larger batches, so fewer transactions and fetches,
 * and leave the cores to the consumer that initiates sanctions.
 */
@ConfigurationProperties("creditloop.messaging")
public record MessagingProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500") int relayBatchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("0s") Duration publishedRetention,
        @DefaultValue("14d") Duration processedRetention,
        @DefaultValue(".dlt") String deadLetterSuffix,
        @DefaultValue("200ms") Duration retryInitialInterval,
        @DefaultValue("2s") Duration retryMaxInterval,
        @DefaultValue("5s") Duration retryMaxElapsed,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("true") boolean relayOnCommit,
        @DefaultValue("16KB") DataSize listingFetchMinSize,
        @DefaultValue("50ms") Duration listingFetchMaxWait,
        @DefaultValue("64KB") DataSize backgroundFetchMinSize,
        @DefaultValue("500ms") Duration backgroundFetchMaxWait) {
}
