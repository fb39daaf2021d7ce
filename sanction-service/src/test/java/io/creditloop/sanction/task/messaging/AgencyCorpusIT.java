package io.creditloop.sanction.task.messaging;

import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.sanction.task.TaskState;
import io.creditloop.sanction.task.web.TaskView;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, bad input, R8: every case of {@code agency-corpus/corpus.csv} (see its README) sent as an agency would, on
 * the agency's own response topic: broken and hostile records go to the dead-letter topic with their reason and
 * change nothing; the service keeps consuming; the one valid answer (with SQL in its note) is handled once.
 */
class AgencyCorpusIT extends ServiceITSupport {

    private record Case(String name, String file, String expect, String reason) {
    }

    @Test
    @DisplayName("R8, issue 9: each hostile agency message is dead-lettered with its reason or handled once; the "
            + "task changes only by the valid answer")
    void hostileAgencyMessages() throws Exception {
        Subject subject = Listings.newSubject();
        UUID listingId = UUID.randomUUID();
        send(Topics.LISTING_EVENTS, subject.key(), Listings.confirmed(listingId, 2, Listings.TAX_MAJOR_VIOLATION,
                subject));
        TaskView task = awaitLoop(listingId, l -> l.tasks().size() == 3).tasks().stream()
                .filter(t -> t.agencyCode().equals("finance")).findFirst().orElseThrow();
        String topic = Topics.agencyResponses("finance");
        TopicProbe deadLetters = probe(Topics.deadLetter(topic));
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(13);
        String lastEventId = null;
        double duplicatesBefore = inboxDuplicates();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                String eventId = c.expect().equals("DUPLICATE") ? lastEventId : UUID.randomUUID().toString();
                lastEventId = eventId;
                byte[] value = value(c, task.taskId(), eventId, now);
                producer.send(new ProducerRecord<>(topic, key(run, i), value)).get();
            }
        }

        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            if (!c.expect().equals("DLT")) {
                continue;
            }
            String key = key(run, i);
            ConsumerRecord<String, String> dead = awaitRecords(deadLetters, 1, r -> key.equals(r.key())).get(0);
            // a record that cannot even be decoded names its reason in the cause, part of the stack trace header
            assertThat(header(dead, "kafka_dlt-exception-message") + "\n"
                    + header(dead, "kafka_dlt-exception-stacktrace")).as(c.name()).contains(c.reason());
        }
        // the valid answer was handled once, its SQL kept as text; everything else changed nothing
        eventually().untilAsserted(() -> assertThat(task(task.taskId()).state()).isEqualTo(TaskState.IMPLEMENTED));
        assertThat(task(task.taskId()).businessItem()).isEqualTo("2024年度项目'); DROP TABLE sanction_task; --");
        eventually().untilAsserted(() -> assertThat(inboxDuplicates() - duplicatesBefore).isEqualTo(1));
        List<ConsumerRecord<String, String>> notDead = deadLetters.drain(r -> r.key() != null
                        && r.key().startsWith(run), Duration.ofSeconds(2)).stream()
                .filter(r -> !cases.get(Integer.parseInt(r.key().substring(run.length() + 1))).expect().equals("DLT"))
                .toList();
        assertThat(notDead).as("dead letters of cases that are not DLT").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM sanction_task WHERE task_id = :id").param("id", task.taskId())
                .query(Long.class).single()).isEqualTo(1);
    }

    private static String key(String run, int index) {
        return run + "-" + index;
    }

    private static byte[] value(Case c, UUID taskId, String eventId, String now) throws IOException {
        if (c.file().equals("(generated: deep nesting)")) {
            return ("{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/agency/finance\","
                    + "\"type\":\"agency.task.responded.v1\",\"time\":\"" + now + "\",\"data\":"
                    + "[".repeat(5_000) + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8);
        }
        if (c.file().equals("(generated: latin-1)")) {
            return ("{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/agency/finance\","
                    + "\"type\":\"agency.task.responded.v1\",\"time\":\"" + now + "\",\"data\":{\"taskId\":\""
                    + taskId + "\",\"agencyCode\":\"finance\",\"note\":\"reçu\",\"respondedAt\":\"" + now + "\"}}")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        String text = new ClassPathResource("agency-corpus/" + c.file()).getContentAsString(StandardCharsets.UTF_8)
                .replace("{{taskId}}", taskId.toString())
                .replace("{{eventId}}", eventId)
                .replace("{{now}}", now)
                .replace("{{20000 x}}", "x".repeat(20_000));
        return text.strip().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        String csv = new ClassPathResource("agency-corpus/corpus.csv").getContentAsString(StandardCharsets.UTF_8);
        for (String line : csv.strip().split("\n")) {
            if (line.startsWith("case,")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            cases.add(new Case(cells[0], cells[1], cells[2], cells[3]));
        }
        return cases;
    }
}
