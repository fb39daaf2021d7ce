package io.creditloop.simulator.agency;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.creditloop.contracts.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How an agency's task consumer treats a message it cannot handle, with Spring Kafka's own error handler: a malformed
 * task ({@link MalformedTaskException}, or JSON that does not map) at once, anything else after three tries a second
 * apart, goes to {@code sanction.tasks.<agency>.dlt} (which sanction creates with the task topic) with the exception
 * in the dead letter's headers; the partition then goes on. Without it one bad message would stop the agency's
 * partition, or a consumer that crashed on it would crash again on every restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "creditloop.demo-agency.enabled", havingValue = "true", matchIfMissing = true)
class AgencyErrorHandling {

    @Bean
    CommonErrorHandler agencyTaskErrorHandler(KafkaTemplate<String, String> kafka) {
        // partition -1: the DLT's own partitioner chooses, whatever its partition count
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(1000, 2));
        handler.addNotRetryableExceptions(MalformedTaskException.class, JsonProcessingException.class);
        return handler;
    }
}
