package io.creditloop.messaging;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data source defaults as Spring Boot applies them: its Hikari data source is bound from
 * {@code spring.datasource.hikari} ({@code DataSourceConfiguration.Hikari}), here with the same binder.
 */
class MessagingDefaultsTest {

    private static Properties driverProperties(Map<String, Object> serviceProperties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml", serviceProperties));
        new MessagingDefaults().postProcessEnvironment(environment, new SpringApplication());
        try (HikariDataSource dataSource = new HikariDataSource()) {
            Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(dataSource));
            return dataSource.getDataSourceProperties();
        }
    }

    @Test
    @DisplayName("issue 9: every service's connections rewrite batched INSERTs and carry the service's name as application_name")
    void rewritesBatchesAndNamesTheService() {
        Properties properties = driverProperties(Map.of("spring.application.name", "sanction-service"));

        assertThat(properties).containsEntry("reWriteBatchedInserts", "true")
                .containsEntry("ApplicationName", "sanction-service");
    }

    @Test
    @DisplayName("a service without a name is still named, and a service's own setting wins")
    void defaultsGiveWay() {
        assertThat(driverProperties(Map.of())).containsEntry("ApplicationName", "creditloop");
        assertThat(driverProperties(Map.of("spring.application.name", "sharing-service",
                "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "false",
                "spring.datasource.hikari.data-source-properties.ApplicationName", "sharing-service-replay")))
                .containsEntry("reWriteBatchedInserts", "false")
                .containsEntry("ApplicationName", "sharing-service-replay");
    }
}
