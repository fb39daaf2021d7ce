package io.creditloop.messaging;

import io.creditloop.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Wires the plumbing every service shares: codec, outbox and its relay, inbox, version guard, and the Kafka error
 * handling that sends poison messages to {@code <topic>.dlt} instead of blocking the partition.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableScheduling
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** The zone of the deployment (Asia/Shanghai unless configured); tests replace the clock to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${creditloop.zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** The security module's sealing of personal data in stored events, if it is there (it is in every service). */
    @Bean
    Outbox outbox(org.springframework.jdbc.core.JdbcTemplate jdbc, EventCodec codec,
                  ObjectProvider<PayloadProtection> protection) {
        return new Outbox(jdbc, codec, protection.getIfAvailable(() -> PayloadProtection.NONE));
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, TransactionTemplate tx, ObjectProvider<MeterRegistry> meters) {
        return new Inbox(jdbc, tx, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ListingEventStream listingEventStream(EventCodec codec, Inbox inbox) {
        return new ListingEventStream(codec, inbox);
    }

    /**
     * Listing-event listeners take the records of one poll as a batch (one inbox transaction, one commit, per poll);
     * otherwise configured like Spring Boot's own factory, with the same error handler (dead-letter topics, waiting
     * out infrastructure failures), which the batch listener steers with {@code BatchListenerFailedException}.
     */
    @Bean(ListingEventStream.BATCHES)
    ConcurrentKafkaListenerContainerFactory<Object, Object> listingEventBatches(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory, MessagingProperties properties) {
        return batches(configurer, consumerFactory, properties.listingFetchMinSize(),
                properties.listingFetchMaxWait());
    }

    /** {@link #listingEventBatches} with longer fetches, for work that can wait (issue 9). */
    @Bean(ListingEventStream.BACKGROUND_BATCHES)
    ConcurrentKafkaListenerContainerFactory<Object, Object> listingEventBackgroundBatches(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory, MessagingProperties properties) {
        return batches(configurer, consumerFactory, properties.backgroundFetchMinSize(),
                properties.backgroundFetchMaxWait());
    }

    private static ConcurrentKafkaListenerContainerFactory<Object, Object> batches(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory, DataSize fetchMinSize, Duration fetchMaxWait) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        // issue 9: fuller polls under load (MessagingProperties); they supersede the consumer factory's settings. Set
        // on each container: a factory's own consumer properties are not passed on to its containers. This replaces
        // a ContainerCustomizer bean Boot's configurer would have applied (the suite defines none)
        Map<String, String> fetch = Map.of(
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(fetchMinSize.toBytes()),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(fetchMaxWait.toMillis()));
        factory.setContainerCustomizer(container -> container.getContainerProperties().getKafkaConsumerProperties()
                .putAll(fetch));
        return factory;
    }

    /**
     * Record listeners (every {@code @KafkaListener} not on {@link ListingEventStream#BATCHES} or
     * {@link ListingEventStream#BACKGROUND_BATCHES}) handle a record with
     * its request id in the logging context, so what they append carries it on (Spring Boot gives this interceptor
     * to its container factory). Batch listeners: {@link ListingEventStream}.
     */
    @Bean
    @ConditionalOnMissingBean
    RecordInterceptor<Object, Object> requestIdInterceptor() {
        return new RequestIdInterceptor();
    }

    @Bean
    AppliedVersions appliedVersions(JdbcClient jdbc) {
        return new AppliedVersions(jdbc);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate tx,
                            ObjectProvider<MeterRegistry> meters, MessagingProperties properties,
                            ObjectProvider<PayloadProtection> protection, Outbox outbox) {
        OutboxRelay relay = new OutboxRelay(jdbc, kafka, tx, meters.getIfAvailable(SimpleMeterRegistry::new),
                properties.relayBatchSize(), properties.sendTimeout(),
                protection.getIfAvailable(() -> PayloadProtection.NONE), properties.publishedRetention());
        relay.sendFromMemory(outbox); // issue 9: events committed here are not read back to be sent
        return relay;
    }

    @Bean
    OutboxScheduler outboxScheduler(OutboxRelay relay, Inbox inbox, MessagingProperties properties, Outbox outbox) {
        OutboxScheduler scheduler = new OutboxScheduler(relay, inbox, properties);
        outbox.afterCommit(scheduler::prompt);
        return scheduler;
    }

    /**
     * The suite's topics and their dead-letter topics, with the deployment's partitions and replicas (SCALE-OUT F7):
     * every service declares all of them, so whichever starts first creates them, the same way.
     */
    @Bean
    KafkaAdmin.NewTopics suiteTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.SUITE_TOPICS
                .stream()
                .flatMap(topic -> Stream.of(topic, topic + properties.deadLetterSuffix()))
                .map(topic -> TopicBuilder.name(topic)
                        .partitions(properties.topicPartitions()).replicas(properties.topicReplicas()).build())
                .toArray(NewTopic[]::new));
    }

    /**
     * Keys and values are read as UTF-8 text; a record that cannot even be decoded (not UTF-8) goes to the DLT, not
     * back to poll.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer errorHandlingDeserializers() {
        return factory -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            org.springframework.kafka.core.DefaultKafkaConsumerFactory<String, String> f =
                    (org.springframework.kafka.core.DefaultKafkaConsumerFactory) factory;
            f.setKeyDeserializer(new ErrorHandlingDeserializer<>(new StrictUtf8Deserializer()));
            f.setValueDeserializer(new ErrorHandlingDeserializer<>(new StrictUtf8Deserializer()));
        };
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(ProducerFactory<String, String> producerFactory,
                                         MessagingProperties properties) {
        Map<String, Object> config = new LinkedHashMap<>(producerFactory.getConfigurationProperties());
        Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(String.class, new StringSerializer());
        byType.put(byte[].class, new ByteArraySerializer());
        DefaultKafkaProducerFactory<Object, Object> dltProducers = new DefaultKafkaProducerFactory<>(config,
                new DelegatingByTypeSerializer(byType), new DelegatingByTypeSerializer(byType));
        KafkaTemplate<Object, Object> dltTemplate = new KafkaTemplate<>(dltProducers);

        // partition -1: let the DLT's own partitioner choose, whatever its partition count
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(dltTemplate,
                (record, ex) -> new TopicPartition(record.topic() + properties.deadLetterSuffix(), -1)) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
                super.accept(record, consumer, withoutBatchWrapper(failure));
            }
        };
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(properties.retryMaxElapsed().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonMessageException.class, DeserializationException.class);
        // a good message whose handler failed because the database is down waits for it, however long that takes
        FixedBackOff untilBack = new FixedBackOff(properties.retryMaxInterval().toMillis(),
                FixedBackOff.UNLIMITED_ATTEMPTS);
        handler.setBackOffFunction((record, failure) ->
                InfrastructureFailures.isInfrastructure(failure) ? untilBack : null);
        return handler;
    }

    /**
     * A batch listener names its failed record with {@link BatchListenerFailedException}; the dead letter's headers
     * give the reason as a record listener's would (the listener failed, caused by the record's own exception), so
     * a DLT reads the same whichever kind of listener dead-lettered it.
     */
    static Exception withoutBatchWrapper(Exception failure) {
        String groupId = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ListenerExecutionFailedException listener && groupId == null) {
                groupId = listener.getGroupId(); // the dead letter's original-consumer-group header
            }
            if (cause instanceof BatchListenerFailedException batch && batch.getCause() != null) {
                return new ListenerExecutionFailedException(String.valueOf(batch.getCause().getMessage()), groupId,
                        batch.getCause());
            }
        }
        return failure;
    }
}
