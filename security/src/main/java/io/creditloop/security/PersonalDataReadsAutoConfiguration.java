package io.creditloop.security;

import io.creditloop.messaging.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** R16: {@link PersonalDataReads} in every service that has the messaging outbox. */
@AutoConfiguration(afterName = "io.creditloop.messaging.MessagingAutoConfiguration")
@ConditionalOnClass(name = {"io.creditloop.messaging.Outbox",
        "org.springframework.web.context.request.RequestContextHolder"})
public class PersonalDataReadsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Outbox.class)
    PersonalDataReads personalDataReads(Outbox outbox, TransactionTemplate tx, Clock clock,
                                        @Value("${spring.application.name:unknown-service}") String service) {
        return new PersonalDataReads(outbox, tx, clock, service);
    }
}
