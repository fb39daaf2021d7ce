package io.creditloop.sharing.forward;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code creditloop.sharing.*}: the upstream platforms (R6) and how forwards are delivered to them.
 *
 * @param platforms       every platform each listing change is forwarded to, with its deadline in working days;
 *                        disabled ones are left out
 * @param batchSize       forwards claimed at a time by one delivery worker
 * @param connectTimeout  per HTTP attempt
 * @param readTimeout     per HTTP attempt
 * @param claimLease      how long a claimed forward is left to its instance before another may retry it; longer than
 *                        a whole batch of attempts that all time out
 * @param retryInitial    wait after the first failed delivery; doubled per failure up to {@code retryMax} (the
 *                        persistent backoff, across restarts)
 * @param deliveryWorkers delivery loops running at once in this instance (each claims its own batches)
 * @param resilience      per platform, around each delivery: Resilience4j retry, circuit breaker and bulkhead
 */
@ConfigurationProperties("creditloop.sharing")
public record SharingProperties(
        List<Platform> platforms,
        @DefaultValue("10") int batchSize,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("5m") Duration claimLease,
        @DefaultValue("1s") Duration retryInitial,
        @DefaultValue("5m") Duration retryMax,
        @DefaultValue("1") int deliveryWorkers,
        @DefaultValue Resilience resilience) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** How a platform takes records. */
    public enum Kind {
        /** JSON POST per record with an Idempotency-Key (the forward id). */
        HTTP,
        /** xlsx batch files (Huangshi annex 1 columns) written to a directory the platform collects from. */
        FILE
    }

    /**
     * @param code                e.g. {@code city}, {@code province}, {@code nation}
     * @param kind                {@code http} (default) or {@code file}
     * @param url                 HTTP: the platform's push endpoint
     * @param directory           FILE: where the batch files are written
     * @param deadlineWorkingDays R6: working days after recognition (or exit, or correction) to deliver by
     * @param enabled             false leaves the platform out (a deployment without it); default true
     */
    public record Platform(String code, Kind kind, URI url, Path directory, int deadlineWorkingDays,
                           Boolean enabled) {

        @ConstructorBinding
        public Platform {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("platform code must be 1-32 of [a-z0-9-]: " + code);
            }
            kind = kind == null ? Kind.HTTP : kind;
            enabled = enabled == null || enabled;
            if (kind == Kind.HTTP && enabled
                    && (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())))) {
                throw new IllegalArgumentException("platform " + code + " needs an http(s) url: " + url);
            }
            if (kind == Kind.FILE && enabled && (directory == null || directory.toString().isBlank())) {
                throw new IllegalArgumentException("file platform " + code + " needs a directory");
            }
            if (deadlineWorkingDays < 1) {
                throw new IllegalArgumentException("platform " + code + " needs a deadline of at least one working day");
            }
        }

        public Platform(String code, URI url, int deadlineWorkingDays) {
            this(code, Kind.HTTP, url, null, deadlineWorkingDays, true);
        }

        public static Platform file(String code, Path directory, int deadlineWorkingDays) {
            return new Platform(code, Kind.FILE, null, directory, deadlineWorkingDays, true);
        }
    }

    /**
     * Resilience4j, one instance of each per platform.
     *
     * @param attempts              calls per delivery before it counts as failed (Resilience4j retry, 1 = no retry)
     * @param retryWait             wait before the second call, doubled per call up to {@code retryWaitMax}
     * @param failureRateThreshold  percentage of failed calls that opens the circuit
     * @param slidingWindow         calls the failure rate is measured over
     * @param minimumCalls          calls before the failure rate counts
     * @param openFor               how long an open circuit refuses calls before letting a few through
     * @param halfOpenCalls         trial calls while half open
     * @param maxConcurrentCalls    bulkhead: calls to one platform at once, across delivery workers; more wait for
     *                              {@code maxWait}, then are deferred
     */
    public record Resilience(@DefaultValue("2") int attempts,
                             @DefaultValue("200ms") Duration retryWait,
                             @DefaultValue("2s") Duration retryWaitMax,
                             @DefaultValue("50") float failureRateThreshold,
                             @DefaultValue("20") int slidingWindow,
                             @DefaultValue("5") int minimumCalls,
                             @DefaultValue("30s") Duration openFor,
                             @DefaultValue("2") int halfOpenCalls,
                             @DefaultValue("4") int maxConcurrentCalls,
                             @DefaultValue("1s") Duration maxWait) {

        public static final Resilience DEFAULTS = new Resilience(2, Duration.ofMillis(200), Duration.ofSeconds(2), 50,
                20, 5, Duration.ofSeconds(30), 2, 4, Duration.ofSeconds(1));

        public Resilience {
            if (attempts < 1 || slidingWindow < 1 || minimumCalls < 1 || halfOpenCalls < 1 || maxConcurrentCalls < 1) {
                throw new IllegalArgumentException("creditloop.sharing.resilience: attempts, sliding-window, "
                        + "minimum-calls, half-open-calls and max-concurrent-calls must be at least 1");
            }
            if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
                throw new IllegalArgumentException("creditloop.sharing.resilience.failure-rate-threshold: 1..100");
            }
            if (retryWait.isNegative() || retryWait.isZero() || retryWaitMax.compareTo(retryWait) < 0
                    || openFor.isNegative() || openFor.isZero() || maxWait.isNegative()) {
                throw new IllegalArgumentException("creditloop.sharing.resilience: retry-wait must be positive and "
                        + "<= retry-wait-max, open-for positive, max-wait not negative");
            }
        }
    }

    @ConstructorBinding
    public SharingProperties {
        if (platforms == null) {
            throw new IllegalArgumentException("creditloop.sharing.platforms needs at least one upstream platform");
        }
        platforms = platforms.stream().filter(Platform::enabled).toList();
        if (platforms.isEmpty()) {
            throw new IllegalArgumentException("creditloop.sharing.platforms needs at least one upstream platform");
        }
        Set<String> codes = new HashSet<>();
        for (Platform platform : platforms) {
            if (!codes.add(platform.code())) {
                throw new IllegalArgumentException("platform " + platform.code() + " is configured twice");
            }
        }
        if (batchSize < 1 || deliveryWorkers < 1) {
            throw new IllegalArgumentException("creditloop.sharing.batch-size and delivery-workers must be at least 1");
        }
        resilience = resilience == null ? Resilience.DEFAULTS : resilience;
        Duration worstBatch = connectTimeout.plus(readTimeout).plus(resilience.retryWaitMax())
                .multipliedBy((long) batchSize * resilience.attempts());
        if (claimLease.compareTo(worstBatch) <= 0) {
            throw new IllegalArgumentException("creditloop.sharing.claim-lease must exceed batch-size x "
                    + "resilience.attempts x (connect-timeout + read-timeout + resilience.retry-wait-max), or a slow "
                    + "batch would be delivered twice at once");
        }
        if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("creditloop.sharing.retry-initial must be positive and <= retry-max");
        }
    }

    public SharingProperties(List<Platform> platforms, int batchSize, Duration connectTimeout, Duration readTimeout,
                             Duration claimLease, Duration retryInitial, Duration retryMax) {
        this(platforms, batchSize, connectTimeout, readTimeout, claimLease, retryInitial, retryMax, 1,
                Resilience.DEFAULTS);
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
