package io.creditloop.publication;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's clock in tests that move time: the real time plus an offset the test sets. Replaces the messaging
 * module's {@code Clock} bean (which is conditional on there being none) when {@link Config} is imported.
 */
public final class MovableClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    public MovableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void plusDays(long days) {
        offset = offset.plusDays(days);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service has one zone");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        MovableClock clock(@Value("${creditloop.zone:Asia/Shanghai}") String zone) {
            return new MovableClock(ZoneId.of(zone));
        }
    }
}
