package io.creditloop.sanction.measure.messaging;

import io.creditloop.contracts.Topics;
import io.creditloop.sanction.measure.Measures;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates every agency's task and response topic before the listeners start, so an agency can subscribe before
 * its first task and the response pattern subscription sees every response topic from the start. The dead-letter
 * topics this service writes to are created too, so poison messages still have somewhere to go on a cluster that
 * does not auto-create topics.
 */
@Configuration(proxyBeanMethods = false)
class AgencyTopics {

    @Bean
    KafkaAdmin.NewTopics agencyTopicsOfMeasures(Measures measures,
                                                @Value("${creditloop.sanction.topic-partitions:3}") int partitions,
                                                @Value("${creditloop.sanction.topic-replicas:1}") int replicas) {
        List<String> names = new ArrayList<>();
        names.add(Topics.deadLetter(Topics.LISTING_EVENTS));
        for (String agency : measures.agencyCodes()) {
            names.add(Topics.agencyTasks(agency));
            names.add(Topics.agencyResponses(agency));
            names.add(Topics.deadLetter(Topics.agencyResponses(agency)));
        }
        return new KafkaAdmin.NewTopics(names.stream()
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }
}
