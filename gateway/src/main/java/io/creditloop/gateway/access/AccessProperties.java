package io.creditloop.gateway.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code creditloop.gateway.*} (R16).
 *
 * @param tokenTtl         life of the token a client gets from {@code /oauth2/token} or {@code /auth/login}
 * @param internalTokenTtl life of the token forwarded to a service with one request
 * @param rotationGrace    how long a rotated-out secret still works
 * @param devSecret        development only: secret of the bootstrap credit-office client {@code creditloop-admin}
 * @param rateLimit        requests per second per client (public callers: per address) before 429
 * @param maxRequestSize   larger bodies get 413
 * @param maxUploadSize    the same for multipart uploads (spreadsheets, upstream files, evidence)
 * @param loginRateLimit   attempts per minute per address at {@code /oauth2/token} and {@code /auth/login}, then 429
 * @param breakerMinimumCalls calls towards a service the circuit breaker counts before it may open
 * @param breakerOpenFor   how long an open breaker answers 503 at once before it lets a few calls try again
 * @param clientCheckInterval how long a client found active is taken as active before the registry is asked again
 *                         (a revocation through another instance takes effect at most this late; 0: every request)
 */
@ConfigurationProperties("creditloop.gateway")
public record AccessProperties(Duration tokenTtl, Duration internalTokenTtl, Duration rotationGrace, String devSecret,
                               int rateLimit, DataSize maxRequestSize, DataSize maxUploadSize, int loginRateLimit,
                               int breakerMinimumCalls, Duration breakerOpenFor,
                               Duration clientCheckInterval) {

    public AccessProperties {
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(15) : tokenTtl;
        internalTokenTtl = internalTokenTtl == null ? Duration.ofSeconds(60) : internalTokenTtl;
        rotationGrace = rotationGrace == null ? Duration.ofHours(24) : rotationGrace;
        rateLimit = rateLimit <= 0 ? 100 : rateLimit;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(10) : maxRequestSize;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(200) : maxUploadSize;
        loginRateLimit = loginRateLimit <= 0 ? 30 : loginRateLimit;
        breakerMinimumCalls = breakerMinimumCalls <= 0 ? 10 : breakerMinimumCalls;
        breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(10) : breakerOpenFor;
        clientCheckInterval = clientCheckInterval == null ? Duration.ofSeconds(1) : clientCheckInterval;
    }
}
