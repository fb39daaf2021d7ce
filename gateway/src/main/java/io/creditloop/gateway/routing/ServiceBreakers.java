package io.creditloop.gateway.routing;

import io.creditloop.gateway.access.AccessProperties;
import io.creditloop.gateway.access.RequestBodyTooLarge;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per service (named after it in each route's {@code CircuitBreaker} filter): it opens when half
 * of the last calls failed (connection refused, no answer within the response timeout), answers 503 at once while
 * open, then lets a few calls try. A service's own 4xx/5xx answers are answers, not failures; a body cut at the size
 * limit is the caller's fault and is not counted either. The time limit is the HTTP client's response timeout
 * ({@code GATEWAY_SERVICE_TIMEOUT}); Resilience4j's own time limiter is off so a long streamed answer is not cut.
 */
@Configuration(proxyBeanMethods = false)
class ServiceBreakers {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> breakerPerService(AccessProperties properties) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(20, properties.breakerMinimumCalls()))
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                .recordException(error -> !RequestBodyTooLarge.in(error))
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breaker).build());
    }
}
