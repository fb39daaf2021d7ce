package io.creditloop.sharing.forward;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code creditloop.sharing.*}: the upstream platforms (R6) and how forwards are delivered to them.
 *
 * @param platforms      every platform each listing change is forwarded to, with its deadline in working days
 * @param batchSize      forwards claimed per delivery tick
 * @param connectTimeout per HTTP attempt
 * @param readTimeout    per HTTP attempt
 * @param claimLease     how long a claimed forward is left to its instance before another may retry it; longer than
 *                       a whole batch of attempts that all time out
 * @param retryInitial   wait after the first failed attempt; doubled per attempt up to {@code retryMax}
 */
@ConfigurationProperties("creditloop.sharing")
public record SharingProperties(
        List<Platform> platforms,
        @DefaultValue("10") int batchSize,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("5m") Duration claimLease,
        @DefaultValue("1s") Duration retryInitial,
        @DefaultValue("5m") Duration retryMax) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /**
     * @param code                 e.g. {@code city}, {@code province}, {@code nation}
     * @param url                  the platform's push endpoint
     * @param deadlineWorkingDays  R6: working days after recognition (or exit, or correction) to deliver by
     */
    public record Platform(String code, URI url, int deadlineWorkingDays) {
        public Platform {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("platform code must be 1-32 of [a-z0-9-]: " + code);
            }
            if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("platform " + code + " needs an http(s) url: " + url);
            }
            if (deadlineWorkingDays < 1) {
                throw new IllegalArgumentException("platform " + code + " needs a deadline of at least one working day");
            }
        }
    }

    public SharingProperties {
        if (platforms == null || platforms.isEmpty()) {
            throw new IllegalArgumentException("creditloop.sharing.platforms needs at least one upstream platform");
        }
        platforms = List.copyOf(platforms);
        Set<String> codes = new HashSet<>();
        for (Platform platform : platforms) {
            if (!codes.add(platform.code())) {
                throw new IllegalArgumentException("platform " + platform.code() + " is configured twice");
            }
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("creditloop.sharing.batch-size must be at least 1");
        }
        if (claimLease.compareTo(connectTimeout.plus(readTimeout).multipliedBy(batchSize)) <= 0) {
            throw new IllegalArgumentException("creditloop.sharing.claim-lease must exceed batch-size x "
                    + "(connect-timeout + read-timeout), or a slow batch would be delivered twice at once");
        }
        if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("creditloop.sharing.retry-initial must be positive and <= retry-max");
        }
    }

    public Optional<Platform> platform(String code) {
        return platforms.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** Wait before the next attempt after {@code attempts} failed ones: doubling, capped at {@code retryMax}. */
    public Duration backoffAfter(int attempts) {
        Duration wait = retryInitial.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
