package io.creditloop.sharing.forward;

import io.creditloop.messaging.EventCodec;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured upstream platforms as adapters, each with its own Resilience4j retry, circuit breaker and bulkhead
 * (named {@code upstream-<code>}; their state is on {@code /actuator/prometheus} as
 * {@code resilience4j_circuitbreaker_state{name="upstream-city"}} and the like).
 */
@Component
public class UpstreamPlatforms {

    private static final Logger log = LoggerFactory.getLogger(UpstreamPlatforms.class);

    private final Map<String, UpstreamPlatform> platforms = new LinkedHashMap<>();
    private final Map<String, PlatformGuard> guards = new LinkedHashMap<>();

    UpstreamPlatforms(SharingProperties properties, PlatformClient client, Forwards forwards, EventCodec codec,
                      Clock clock, MeterRegistry meters) {
        SharingProperties.Resilience r = properties.resilience();
        RetryRegistry retries = RetryRegistry.of(RetryConfig.<Object>custom()
                .maxAttempts(r.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(r.retryWait(), 2.0, r.retryWaitMax()))
                .retryOnResult(outcome -> outcome instanceof DeliveryOutcome.Failed)
                .ignoreExceptions(CallNotPermittedException.class, BulkheadFullException.class)
                .build());
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(r.slidingWindow())
                .minimumNumberOfCalls(r.minimumCalls())
                .failureRateThreshold(r.failureRateThreshold())
                .waitDurationInOpenState(r.openFor())
                .permittedNumberOfCallsInHalfOpenState(r.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // a refusal (4xx) means the platform is up and answering: only failures count
                .recordResult(outcome -> outcome instanceof DeliveryOutcome.Failed)
                .build());
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(r.maxConcurrentCalls())
                .maxWaitDuration(r.maxWait())
                .build());
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);

        for (SharingProperties.Platform platform : properties.platforms()) {
            String name = "upstream-" + platform.code();
            CircuitBreaker breaker = breakers.circuitBreaker(name);
            breaker.getEventPublisher().onStateTransition(e -> log.warn("platform {}: circuit {}", platform.code(),
                    e.getStateTransition()));
            PlatformGuard guard = new PlatformGuard(retries.retry(name), breaker, bulkheads.bulkhead(name));
            guards.put(platform.code(), guard);
            platforms.put(platform.code(), switch (platform.kind()) {
                case HTTP -> new HttpPushPlatform(platform.code(), platform.url(), client, guard,
                        forwards::isPending);
                case FILE -> new XlsxFilePlatform(platform.code(), platform.directory(), codec.objectMapper(), clock,
                        guard);
            });
        }
    }

    public Optional<UpstreamPlatform> get(String code) {
        return Optional.ofNullable(platforms.get(code));
    }

    /** CLOSED, OPEN, HALF_OPEN, ... per platform code, for the dashboard. */
    public Map<String, String> circuitStates() {
        Map<String, String> states = new LinkedHashMap<>();
        guards.forEach((code, guard) -> states.put(code, guard.circuitState().name()));
        return states;
    }
}
