package io.creditloop.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads topics from the beginning in a consumer group of its own, the way an agency or a downstream system would,
 * and waits for the records a test expects. Not thread-safe: one probe per test.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"),
                new StringDeserializer(), new StringDeserializer());
    }

    public static TopicProbe of(String bootstrapServers, String... topics) {
        TopicProbe probe = new TopicProbe(bootstrapServers);
        probe.consumer.subscribe(List.of(topics));
        return probe;
    }

    public static TopicProbe matching(String bootstrapServers, Pattern topics) {
        TopicProbe probe = new TopicProbe(bootstrapServers);
        probe.consumer.subscribe(topics);
        return probe;
    }

    /** Waits until at least {@code count} records seen so far match, and returns the matching ones in order. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> match, int count,
                                                      Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<ConsumerRecord<String, String>> matching = seen.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " matching record(s) within " + timeout + ", saw "
                        + matching.size() + " of " + seen.size() + " record(s)");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    public ConsumerRecord<String, String> awaitOne(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        return await(match, 1, timeout).get(0);
    }

    /** Polls for {@code quiet} more and returns every matching record seen: for asserting "no more than". */
    public List<ConsumerRecord<String, String>> drain(Predicate<ConsumerRecord<String, String>> match, Duration quiet) {
        Instant until = Instant.now().plus(quiet);
        while (Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(match).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
