package io.creditloop.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the request id a record carries ({@link CurrentRequestId#carriedBy}) in the logging context of the listener
 * thread while a record listener handles it, and takes it away afterwards, whatever the outcome.
 */
final class RequestIdInterceptor implements RecordInterceptor<Object, Object> {

    private static final ThreadLocal<CurrentRequestId.Scope> OPEN = new ThreadLocal<>();

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        close();
        OPEN.set(CurrentRequestId.open(CurrentRequestId.carriedBy(record)));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        close();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        close();
    }

    private static void close() {
        CurrentRequestId.Scope open = OPEN.get();
        if (open != null) {
            OPEN.remove();
            open.close();
        }
    }
}
