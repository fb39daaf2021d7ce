package io.creditloop.gateway.routing;

import io.creditloop.gateway.access.RequestBodyTooLarge;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What a caller gets when a service is down, too slow or behind an open circuit breaker: 503, RFC 7807, naming the
 * service, with {@code Retry-After}. The routes' {@code CircuitBreaker} filters forward here; the one other error
 * that arrives here, a chunked body cut at the size limit, is the caller's and gets 413.
 */
@RestController
class ServiceUnavailable {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailable.class);
    private static final Set<String> SERVICES = Set.of("identification", "sharing", "sanction", "repair",
            "publication");

    @RequestMapping("/gateway/unavailable/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable error = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (Boolean.TRUE.equals(exchange.getAttribute(RequestBodyTooLarge.ATTRIBUTE))
                || RequestBodyTooLarge.in(error)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.PAYLOAD_TOO_LARGE, "request body over the limit; it was cut while streamed"));
        }
        String name = SERVICES.contains(service) ? service : "unknown";
        String why = why(error);
        log.warn("{}-service unavailable for {} {} [{}]: {}", name, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), exchange.getRequest().getHeaders().getFirst("X-Request-Id"),
                error == null ? why : error.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                name + "-service is unavailable (" + why + "); please try again later");
        problem.setTitle("Service Unavailable");
        problem.setProperty("service", name + "-service");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem);
    }

    private static String why(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return "circuit open after repeated failures";
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "no answer in time";
            }
            if (t instanceof ConnectException || t.getClass().getSimpleName().contains("Connect")) {
                return "not reachable";
            }
        }
        return "not reachable";
    }
}
