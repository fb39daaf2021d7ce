package io.creditloop.messaging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults every service shares, added last so a service's application.yml or the environment overrides each:
 * the plumbing's migrations, text keys and values, reading from the earliest offset, quick discovery of new
 * agency topics, the actuator endpoints the run script and orchestrators probe, and how the services' connections to
 * PostgreSQL batch and name themselves.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.flyway.locations", "classpath:db/migration,classpath:db/messaging"),
            // the plumbing's migrations are versioned 0_x, below every service's V1: a new one (V0_3) arrives after
            // a service's own and must still be applied
            Map.entry("spring.flyway.out-of-order", "true"),
            Map.entry("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
            Map.entry("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.consumer.enable-auto-commit", "false"),
            Map.entry("spring.kafka.consumer.properties.metadata.max.age.ms", "5000"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,metrics,prometheus"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.group.readiness.include", "readinessState,db"),
            Map.entry("spring.mvc.problemdetails.enabled", "true"),
            Map.entry("server.shutdown", "graceful"),
            // issue 9: the driver sends a JDBC batch of single-row INSERTs (the listing consumers' read models, the
            // intake's chunks of rows) as multi-row INSERTs, one executor round per up to 128 rows instead of one per
            // row. A rewritten batch reports Statement.SUCCESS_NO_INFO (-2) per row, not the row's count: code that
            // needs to know which rows an INSERT stored asks with RETURNING instead (SanctionTasks#insertAll), and
            // a batched INSERT ... ON CONFLICT DO UPDATE must not carry one key twice (BatchRows)
            Map.entry("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true"),
            // pg_stat_activity and the server log name the service a backend belongs to (resolved by the binder
            // against the service's own spring.application.name)
            Map.entry("spring.datasource.hikari.data-source-properties.ApplicationName",
                    "${spring.application.name:creditloop}"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("creditloop-messaging-defaults", DEFAULTS));
    }
}
