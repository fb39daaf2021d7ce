package io.creditloop.sanction.agency;

import io.creditloop.contracts.Topics;
import io.creditloop.sanction.measure.Measures;
import io.creditloop.sanction.watch.WatchLists;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Every enforcing agency's task and response topic, so an agency can subscribe before its first task and the response
 * pattern subscription sees every response topic. At startup: the agencies of the measures catalog and of the watch
 * lists; later, an agency that first appears in a new measure or a watch list gets its topics at once
 * ({@link #ensure}). Both topics' dead-letter topics are created too, so poison messages still have somewhere to
 * go on a cluster that does not auto-create topics: the response DLT is sanction's, the task DLT the agency's own
 * consumer's (the suite's other topics: messaging's suiteTopics).
 */
@Configuration(proxyBeanMethods = false)
public class AgencyTopics {

    private static final Logger log = LoggerFactory.getLogger(AgencyTopics.class);

    private final KafkaAdmin admin;
    private final int partitions;
    private final int replicas;

    AgencyTopics(KafkaAdmin admin,
                 @Value("${creditloop.sanction.topic-partitions:3}") int partitions,
                 @Value("${creditloop.sanction.topic-replicas:1}") int replicas) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicas = replicas;
    }

    @Bean
    KafkaAdmin.NewTopics agencyTopicsAtStartup(Measures measures, WatchLists watchLists) {
        TreeSet<String> agencies = new TreeSet<>(measures.agencyCodes());
        agencies.addAll(watchLists.agencyCodes());
        List<String> names = new ArrayList<>();
        agencies.forEach(agency -> names.addAll(topicsOf(agency)));
        return new KafkaAdmin.NewTopics(newTopics(names));
    }

    /** Creates the agency's topics if they do not exist yet; idempotent. */
    public void ensure(String agencyCode) {
        admin.createOrModifyTopics(newTopics(topicsOf(agencyCode)));
        log.info("topics of agency {} are in place", agencyCode);
    }

    private static List<String> topicsOf(String agency) {
        return List.of(Topics.agencyTasks(agency), Topics.agencyResponses(agency),
                Topics.deadLetter(Topics.agencyResponses(agency)), Topics.deadLetter(Topics.agencyTasks(agency)));
    }

    private NewTopic[] newTopics(List<String> names) {
        return names.stream()
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build())
                .toArray(NewTopic[]::new);
    }
}
