package io.creditloop.gateway.access;

import io.creditloop.security.Caller;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class AccessConfiguration {

    static final String BOOTSTRAP_CLIENT = "creditloop-admin";
    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    /** One limiter per client: a client that floods gets 429, the others keep their throughput. */
    @Bean
    RateLimiterRegistry rateLimiters(AccessProperties properties) {
        return RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.rateLimit())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** Development: a credit-office client with GATEWAY_DEV_SECRET, so a fresh installation can register the rest. */
    @Bean
    ApplicationRunner bootstrapClient(AccessProperties properties, ClientRegistry registry) {
        return args -> {
            String secret = properties.devSecret();
            if (secret == null || secret.isBlank()) {
                return;
            }
            log.warn("GATEWAY_DEV_SECRET is set: client '{}' (credit office) accepts it. Development only.",
                    BOOTSTRAP_CLIENT);
            if (registry.find(BOOTSTRAP_CLIENT).isEmpty()) {
                try {
                    registry.registerWithSecret(BOOTSTRAP_CLIENT, Caller.Kind.CREDIT_OFFICE, "credit-office",
                            "development administrator", secret);
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    // another gateway instance made it first
                }
            }
        };
    }
}
