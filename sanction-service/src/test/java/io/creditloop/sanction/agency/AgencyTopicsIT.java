package io.creditloop.sanction.agency;

import io.creditloop.contracts.Topics;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.sanction.measure.Measures;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AgencyTopicsIT extends ServiceITSupport {

    @Autowired
    Measures measures;
    @Autowired
    AgencyTopics topics;

    private Map<String, TopicDescription> describe(List<String> agencies) throws Exception {
        List<String> expected = agencies.stream()
                .flatMap(a -> Stream.of(Topics.agencyTasks(a), Topics.agencyResponses(a),
                        Topics.deadLetter(Topics.agencyResponses(a)), Topics.deadLetter(Topics.agencyTasks(a))))
                .toList();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers))) {
            Map<String, TopicDescription> described = admin.describeTopics(expected).allTopicNames().get();
            assertThat(described).containsOnlyKeys(expected);
            return described;
        }
    }

    @Test
    @DisplayName("R8: every agency's task and response topic, and their dead-letter topics, exist at startup, before its first task")
    void agencyTopicsExist() throws Exception {
        List<String> agencies = measures.agencyCodes();
        assertThat(agencies).contains("finance", "market-regulation", "public-resource-trading", "transport",
                "public-security", "financial-regulation", "civilization-office");

        assertThat(describe(agencies).values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
    }

    @Test
    @DisplayName("R8: an agency named for the first time gets its topics at once")
    void newAgencyGetsTopics() throws Exception {
        String agency = "agency-" + io.creditloop.sanction.Listings.unique();

        topics.ensure(agency);
        topics.ensure(agency);

        assertThat(describe(List.of(agency))).hasSize(4);
    }

    @Test
    @DisplayName("SCALE-OUT F7: the suite's topics and their dead-letter topics exist at startup with the configured "
            + "partitions, also those nobody has written to yet")
    void suiteTopicsExist() throws Exception {
        List<String> expected = Topics.SUITE_TOPICS.stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic))).toList();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers))) {
            Map<String, TopicDescription> described = admin.describeTopics(expected).allTopicNames().get();
            assertThat(described).containsOnlyKeys(expected);
            assertThat(described.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
        }
    }
}
