package io.creditloop.simulator.agency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoAgencyIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ObjectMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    @DisplayName("R8: an initiated task is answered with responded, implemented and feedback, in that order")
    void answersAnInitiatedTask() throws Exception {
        UUID taskId = UUID.randomUUID();
        kafka.send(Topics.agencyTasks("finance"), "USCC:91420200MA4KLB7Q32", initiated(taskId)).get();

        List<JsonNode> answers = new ArrayList<>();
        try (TopicProbe responses = TopicProbe.of(bootstrapServers, Topics.agencyResponses("finance"))) {
            for (ConsumerRecord<String, String> r : responses.await(r -> taskId.toString().equals(r.key()), 3,
                    Duration.ofSeconds(60))) {
                answers.add(json.readTree(r.value()));
            }
        }

        assertThat(answers).extracting(a -> a.get("type").asText()).containsExactly(
                EventTypes.TASK_RESPONDED, EventTypes.MEASURE_IMPLEMENTED, EventTypes.FEEDBACK_GIVEN);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.get("source").asText()).isEqualTo("/agency/finance");
            assertThat(a.get("subject").asText()).isEqualTo(taskId.toString());
            assertThat(a.at("/data/taskId").asText()).isEqualTo(taskId.toString());
            assertThat(a.at("/data/agencyCode").asText()).isEqualTo("finance");
        });
        assertThat(answers.get(2).at("/data/measureApplied").asText()).isEqualTo("限制申请财政性资金项目");
    }

    @Test
    @DisplayName("R8/R9, issue 9: a task the agency cannot read (not JSON, a field of the wrong type, no data, addressed to another agency) goes to the task topic's dead letters with its reason, and the next task is answered")
    void malformedTasksAreDeadLetteredAndTheNextIsAnswered() throws Exception {
        String key = "USCC:91420200MA4KLB7Q32";
        UUID misaddressed = UUID.randomUUID();
        List<String> malformed = List.of(
                "{\"specversion\":\"1.0\",\"type\":\"sanction.task.initiated.v1\",\"data\":{\"taskId\":",
                initiated(UUID.randomUUID()).replaceFirst("\"taskId\":\"[^\"]+\"", "\"taskId\":\"not-a-uuid\""),
                "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"sanction.task.initiated.v1\"}",
                initiated(misaddressed).replace("\"agencyCode\":\"finance\"", "\"agencyCode\":\"housing\""));
        for (String message : malformed) {
            kafka.send(Topics.agencyTasks("finance"), key, message).get();
        }
        UUID good = UUID.randomUUID();
        kafka.send(Topics.agencyTasks("finance"), key, initiated(good)).get();

        String dlt = Topics.deadLetter(Topics.agencyTasks("finance"));
        try (TopicProbe deadLetters = TopicProbe.of(bootstrapServers, dlt);
             TopicProbe responses = TopicProbe.of(bootstrapServers, Topics.agencyResponses("finance"))) {
            List<ConsumerRecord<String, String>> dead = deadLetters.await(r -> malformed.contains(r.value()), 4,
                    Duration.ofSeconds(60));
            assertThat(dead).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(malformed);
            assertThat(dead).allSatisfy(r -> assertThat(header(r, "kafka_dlt-exception-message")).isNotBlank());
            assertThat(dead).filteredOn(r -> r.value().contains(misaddressed.toString()))
                    .singleElement().satisfies(r -> assertThat(header(r, "kafka_dlt-exception-message"))
                            .contains("addressed to housing"));

            assertThat(responses.await(r -> good.toString().equals(r.key()), 3, Duration.ofSeconds(60))).hasSize(3);
            assertThat(responses.drain(r -> misaddressed.toString().equals(r.key()), Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    @DisplayName("R8, issue 9: a task delivered again (the agency crashed before committing its offset) is answered with the same event ids, which sanction drops as repeats")
    void aRedeliveredTaskIsAnsweredWithTheSameIds() throws Exception {
        UUID taskId = UUID.randomUUID();
        String task = initiated(taskId);
        kafka.send(Topics.agencyTasks("finance"), "USCC:91420200MA4KLB7Q32", task).get();
        kafka.send(Topics.agencyTasks("finance"), "USCC:91420200MA4KLB7Q32", task).get();

        try (TopicProbe responses = TopicProbe.of(bootstrapServers, Topics.agencyResponses("finance"))) {
            List<String> ids = new ArrayList<>();
            for (ConsumerRecord<String, String> r : responses.await(r -> taskId.toString().equals(r.key()), 6,
                    Duration.ofSeconds(60))) {
                ids.add(json.readTree(r.value()).get("id").asText());
            }
            assertThat(ids).hasSize(6);
            assertThat(ids.subList(3, 6)).containsExactlyElementsOf(ids.subList(0, 3));
            assertThat(ids.subList(0, 3)).doesNotHaveDuplicates();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String initiated(UUID taskId) {
        return """
                {"specversion":"1.0","id":"%s","source":"/sanction-service","type":"sanction.task.initiated.v1",
                 "time":"2024-04-22T09:30:01Z","subject":"USCC:91420200MA4KLB7Q32","datacontenttype":"application/json",
                 "data":{"taskId":"%s","listingId":"%s","listingVersion":2,"agencyCode":"finance",
                  "measureCode":"RESTRICT_FISCAL_FUNDS","measure":"限制申请财政性资金项目","legalBasis":"003 §11",
                  "listType":{"code":"TAX_MAJOR_VIOLATION","version":1,"name":"重大税收违法案件当事人名单",
                              "kind":"BLACK","department":"tax"},
                  "subject":{"key":"USCC:91420200MA4KLB7Q32","type":"ORGANISATION","name":"黄石某某贸易有限公司",
                             "uscc":"91420200MA4KLB7Q32","legalRepresentative":"张三"},
                  "reason":"虚开增值税专用发票","validUntil":"2026-04-19","initiatedAt":"2024-04-22T09:30:01Z"}}
                """.formatted(UUID.randomUUID(), taskId, UUID.randomUUID());
    }
}
