package io.creditloop.gateway;

import io.creditloop.contracts.RequestIds;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every request carries an {@code X-Request-Id} to the service and back to the caller, so a department's
 * complaint can be traced through the logs, the audit log and the events the call caused. A caller's own id is kept
 * if it is well-formed ({@link RequestIds#isWellFormed}); otherwise replaced by a fresh UUID.
 */
@Component
class RequestIdFilter implements GlobalFilter, Ordered {

    static final String HEADER = RequestIds.HEADER;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String id = RequestIds.orFresh(exchange.getRequest().getHeaders().getFirst(HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
