package io.creditloop.gateway.access;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * R16 against guessing secrets: {@code POST /oauth2/token} and {@code POST /auth/login} take at most
 * {@code creditloop.gateway.login-rate-limit} attempts per minute from one address (right or wrong alike); then 429
 * with {@code Retry-After} until the minute is over. Other addresses are not affected. The address is the connection's
 * (behind a proxy, configure Spring's forwarded-header handling so it is the client's).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class LoginRateLimit implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimit.class);
    private static final Set<String> PATHS = Set.of("/oauth2/token", "/auth/login");

    private final RateLimiterRegistry limiters;
    private final int perMinute;

    LoginRateLimit(AccessProperties properties) {
        this.perMinute = properties.loginRateLimit();
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(perMinute)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST
                || !PATHS.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        String address = address(exchange);
        if (limiters.rateLimiter("login:" + address).acquirePermission()) {
            return chain.filter(exchange);
        }
        log.warn("login attempts from {} over {} per minute: refused", address, perMinute);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"more than "
                + perMinute + " login attempts per minute from this address\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
