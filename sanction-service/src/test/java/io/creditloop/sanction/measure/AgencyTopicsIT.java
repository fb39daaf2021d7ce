package io.creditloop.sanction.measure;

import io.creditloop.contracts.Topics;
import io.creditloop.sanction.ServiceITSupport;
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
import static org.assertj.core.api.Assertions.tuple;

class AgencyTopicsIT extends ServiceITSupport {

    @Autowired
    Measures measures;

    @Test
    @DisplayName("R9: the seeded measures list covers the four list types with their agencies")
    void seededMeasures() {
        assertThat(measures.forListType("TAX_MAJOR_VIOLATION")).extracting(Measure::agencyCode, Measure::measureCode)
                .containsExactly(
                        tuple("finance", "RESTRICT_FISCAL_FUNDS"),
                        tuple("market-regulation", "STRICT_LICENSING"),
                        tuple("public-resource-trading", "RESTRICT_PUBLIC_BIDDING"));
        assertThat(measures.forListType("COURT_DEFAULTER")).extracting(Measure::agencyCode)
                .containsExactly("finance", "public-resource-trading", "transport");
        assertThat(measures.forListType("TAX_A_GRADE")).extracting(Measure::measureCode)
                .containsExactly("GREEN_CHANNEL", "WAIVE_BID_DEPOSIT");
        assertThat(measures.forListType("MARKET_ABNORMAL_OPERATION")).extracting(Measure::measureCode)
                .containsExactly("INTERVIEW_WARNING");
        assertThat(measures.forListType("NOT_A_LIST_TYPE")).isEmpty();
    }

    @Test
    @DisplayName("R8: every agency's task and response topic exists at startup, before its first task")
    void agencyTopicsExist() throws Exception {
        List<String> agencies = measures.agencyCodes();
        assertThat(agencies).containsExactly("finance", "market-regulation", "public-resource-trading", "transport");
        List<String> expected = agencies.stream()
                .flatMap(a -> Stream.of(Topics.agencyTasks(a), Topics.agencyResponses(a),
                        Topics.deadLetter(Topics.agencyResponses(a))))
                .toList();

        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers))) {
            Map<String, TopicDescription> topics = admin.describeTopics(expected).allTopicNames().get();
            assertThat(topics).containsOnlyKeys(expected);
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
        }
    }
}
