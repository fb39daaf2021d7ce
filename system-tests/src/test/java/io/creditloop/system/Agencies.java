package io.creditloop.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.sanction.v1.FeedbackGiven;
import io.creditloop.contracts.sanction.v1.MeasureImplemented;
import io.creditloop.contracts.sanction.v1.TaskResponded;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * The enforcing agencies, as a real one would be: a Kafka client that reads its own task topic
 * ({@code sanction.tasks.<agency>}) and answers on its own response topic, with nothing but the contracts.
 */
final class Agencies implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final TopicProbe tasks;
    private final KafkaProducer<String, String> producer;

    /** One task as the agency received it. */
    record Task(String taskId, String agency, String measureCode, String listingId, String type) {
    }

    Agencies(String bootstrapServers) {
        this.tasks = TopicProbe.matching(bootstrapServers, Pattern.compile(Topics.AGENCY_TASKS_PATTERN));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    List<Task> await(String listingId, String type, int count, Duration timeout) {
        return tasks.await(r -> r.value().contains(listingId) && r.value().contains(type), count, timeout)
                .stream().map(Agencies::task).toList();
    }

    /** Every task message seen for the listing, after waiting {@code quiet} for stragglers. */
    List<Task> all(String listingId, String type, Duration quiet) {
        return tasks.drain(r -> r.value().contains(listingId) && r.value().contains(type), quiet)
                .stream().map(Agencies::task).toList();
    }

    void respond(Task task) {
        answer(task, EventTypes.TASK_RESPONDED, new TaskResponded(UUID.fromString(task.taskId()), task.agency(),
                "已接收，进入审核流程", Instant.now()));
    }

    void implement(Task task) {
        answer(task, EventTypes.MEASURE_IMPLEMENTED, new MeasureImplemented(UUID.fromString(task.taskId()),
                task.agency(), "2024年度专项资金申报", "已在业务系统中设置限制", Instant.now()));
    }

    void feedback(Task task) {
        answer(task, EventTypes.FEEDBACK_GIVEN, new FeedbackGiven(UUID.fromString(task.taskId()), task.agency(),
                task.measureCode(), "2024年度专项资金申报", new BigDecimal("300000.00"), "申报已驳回", Instant.now()));
    }

    void sendRaw(String agency, String key, String value) {
        send(new ProducerRecord<>(Topics.agencyResponses(agency), key, value));
    }

    private void answer(Task task, String type, Object data) {
        try {
            String value = JSON.writeValueAsString(Envelope.of("/agency/" + task.agency(), type, Instant.now(),
                    task.taskId(), data));
            send(new ProducerRecord<>(Topics.agencyResponses(task.agency()), task.taskId(), value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the answer", e);
        }
    }

    private static Task task(ConsumerRecord<String, String> record) {
        try {
            JsonNode envelope = JSON.readTree(record.value());
            JsonNode data = envelope.get("data");
            return new Task(data.get("taskId").asText(), data.get("agencyCode").asText(),
                    data.path("measureCode").asText(null), data.get("listingId").asText(),
                    envelope.get("type").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        tasks.close();
        producer.close(Duration.ofSeconds(2));
    }
}
