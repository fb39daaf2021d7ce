package io.creditloop.gateway.access;

import io.creditloop.security.Caller;
import io.creditloop.security.InvalidToken;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * R16 at the gateway, for every routed request: bodies over the limit get 413 (by their {@code Content-Length}, or
 * counted while streamed when they come chunked without one); identity headers a client sent are
 * dropped; a bearer token must be one the gateway issued to a client still registered (else 401), no token means the
 * public; each client (the public: each address) has its own rate limiter (429 when it is spent, others unaffected);
 * the service receives a short-lived token of its own audience naming the caller, and checks it itself.
 */
@Component
class CallerRelayFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(CallerRelayFilter.class);
    /** Headers that once named the caller or could be mistaken for it: never passed on from a client. */
    private static final List<String> FORGEABLE = List.of("x-agency", "x-user", "x-department", "x-credit-office",
            "x-caller", "x-caller-kind", "x-caller-code", "x-internal-token", "x-forwarded-user");

    private final ExternalTokens externalTokens;
    private final InternalTokens internalTokens;
    private final RateLimiterRegistry limiters;
    private final AccessProperties properties;

    CallerRelayFilter(ExternalTokens externalTokens, InternalTokens internalTokens, RateLimiterRegistry limiters,
                      AccessProperties properties) {
        this.externalTokens = externalTokens;
        this.internalTokens = internalTokens;
        this.limiters = limiters;
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        MediaType type = request.getHeaders().getContentType();
        boolean upload = type != null && type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA);
        long limit = (upload ? properties.maxUploadSize() : properties.maxRequestSize()).toBytes();
        if (length > limit) {
            return reject(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "request body over " + limit + " bytes");
        }
        if (length < 0 && request.getHeaders().containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            exchange = exchange.mutate().request(counted(exchange, limit)).build();
        }
        ServerWebExchange checked = exchange;
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        // a token verified before, of a client found active within the check interval, is answered on the event
        // loop; a new token (a signature check) or a client to look up (a database round trip) on a blocking thread
        Mono<Caller> caller = authorization == null || authorization.isBlank()
                ? Mono.just(Caller.PUBLIC)
                : Mono.fromCallable(() -> externalTokens.known(authorization))
                .switchIfEmpty(Mono.defer(() -> Mono.fromCallable(() -> externalTokens.authenticate(authorization))
                        .subscribeOn(Schedulers.boundedElastic())));
        return caller.flatMap(c -> relay(checked, chain, c))
                .onErrorResume(InvalidToken.class, e -> {
                    log.info("refused {} {} [{}]: {}", request.getMethod(), request.getPath(),
                            request.getHeaders().getFirst("X-Request-Id"), e.getMessage());
                    checked.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                    return reject(checked, HttpStatus.UNAUTHORIZED, e.getMessage());
                })
                .onErrorResume(RequestBodyTooLarge::in, e -> checked.getResponse().isCommitted() ? Mono.error(e)
                        : reject(checked, HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    /**
     * A body without {@code Content-Length} (chunked) is counted while it streams to the service and cut with 413
     * once it passes the limit; the service sees a broken request and writes nothing of it.
     */
    private static ServerHttpRequest counted(ServerWebExchange exchange, long limit) {
        ServerHttpRequest request = exchange.getRequest();
        AtomicLong seen = new AtomicLong();
        Flux<DataBuffer> body = request.getBody().map(buffer -> {
            if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                DataBufferUtils.release(buffer);
                exchange.getAttributes().put(RequestBodyTooLarge.ATTRIBUTE, Boolean.TRUE);
                log.info("cut {} {} [{}]: chunked body over {} bytes", request.getMethod(), request.getPath(),
                        request.getHeaders().getFirst("X-Request-Id"), limit);
                throw new RequestBodyTooLarge(limit);
            }
            return buffer;
        });
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body;
            }
        };
    }

    private Mono<Void> relay(ServerWebExchange exchange, GatewayFilterChain chain, Caller caller) {
        String key = caller.is(Caller.Kind.PUBLIC) ? "public:" + address(exchange) : "client:" + caller.subject();
        if (!limiters.rateLimiter(key).acquirePermission()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return reject(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate limit of " + properties.rateLimit()
                    + " requests per second reached");
        }
        ServerHttpRequest forwarded = exchange.getRequest().mutate().headers(h -> {
            List.copyOf(h.keySet()).stream()
                    .filter(name -> FORGEABLE.contains(name.toLowerCase(Locale.ROOT)))
                    .forEach(h::remove);
            h.remove(HttpHeaders.AUTHORIZATION);
            if (!caller.is(Caller.Kind.PUBLIC)) {
                h.setBearerAuth(internalTokens.forCaller(caller));
            }
        }).build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static Mono<Void> reject(ServerWebExchange exchange, HttpStatus status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after the request id
    }
}
