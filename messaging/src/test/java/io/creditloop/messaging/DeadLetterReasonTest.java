package io.creditloop.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReasonTest {

    private final ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 7, "k", "v");

    @Test
    @DisplayName("a batch listener's failure reaches the dead letter as the record's own exception, with the consumer group")
    void batchWrapperIsTakenOff() {
        PoisonMessageException poison = new PoisonMessageException("message is not JSON: unexpected end");
        Exception thrown = new ListenerExecutionFailedException("Listener failed", "sharing-service",
                new BatchListenerFailedException("event failed", poison, record));

        Exception reason = MessagingAutoConfiguration.withoutBatchWrapper(thrown);

        assertThat(reason).isInstanceOf(ListenerExecutionFailedException.class)
                .hasMessage("message is not JSON: unexpected end").hasCause(poison);
        assertThat(((ListenerExecutionFailedException) reason).getGroupId()).isEqualTo("sharing-service");
    }

    @Test
    @DisplayName("a record listener's failure is left as it is")
    void recordListenerFailureUnchanged() {
        Exception thrown = new ListenerExecutionFailedException("Listener failed", "sanction-service",
                new PoisonMessageException("not JSON"));

        assertThat(MessagingAutoConfiguration.withoutBatchWrapper(thrown)).isSameAs(thrown);
    }
}
