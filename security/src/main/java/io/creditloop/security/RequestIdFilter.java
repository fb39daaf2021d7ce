package io.creditloop.security;

import io.creditloop.contracts.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The request id the gateway gave the request ({@code X-Request-Id}) in every log line the service writes while it
 * handles it (MDC key {@code requestId}, shown by the default log pattern, see {@link LogPatternDefaults}), and back
 * in the answer. The messaging outbox takes it from there into every event the request appends, and
 * {@link PersonalDataReads} into its audit records. A request that did not come through the gateway gets an id of
 * its own; an id that is not well-formed ({@link RequestIds#isWellFormed}, as the gateway checks it) is replaced, so
 * nothing a client sends is logged or stored unchecked.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = RequestIds.HEADER;
    public static final String MDC_KEY = RequestIds.MDC_KEY;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.orFresh(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
            chain.doFilter(request, response);
        }
    }
}
