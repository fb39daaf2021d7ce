package io.creditloop.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Every app's log lines carry the request id ({@link RequestIdFilter}, or the one the event being handled came with)
 * and the id of the event being handled (MDC {@code eventId}, set by the messaging module's listeners) where there
 * is one: the default of
 * {@code logging.pattern.correlation}, which Spring Boot's console and file patterns print after the thread. An app
 * or a deployment that sets the property itself keeps its own.
 */
public class LogPatternDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY = "logging.pattern.correlation";
    /**
     * {@code [requestId eventId] } with whichever is known ({@code [requestId] }, {@code [eventId] }), nothing when
     * neither is: a consumer handles an event with the request id it came with, so both may be there.
     */
    static final String PATTERN = "%replace([%X{requestId:-} %X{eventId:-}] ){'^\\[ \\] $|(?<=^\\[) | (?=\\] $)', ''}";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("creditloop-log-pattern",
                    Map.of(PROPERTY, PATTERN)));
        }
    }
}
