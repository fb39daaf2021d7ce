package io.creditloop.contracts;

import java.util.UUID;

/**
 * The request id that traces one call through the suite: the gateway gives every request one (or keeps a
 * well-formed one the caller sent), each service logs with it and writes it into the audit records and the outbox
 * events of that request, the relay puts it on the Kafka record, and a consumer handling that record passes it on
 * to the events it makes in consequence. One name on HTTP and on Kafka: {@value #HEADER}.
 * <p>
 * Well-formed: 8 to 64 characters of {@code A-Z a-z 0-9 . _ -} (a UUID, {@code dept-tax-000123}); anything else a
 * client sends (too long, control characters, spaces, quotes, {@code ${...}}) is replaced, never logged or stored.
 */
public final class RequestIds {

    /** HTTP request and response header, and Kafka record header. */
    public static final String HEADER = "X-Request-Id";
    /** The logging context's key (SLF4J MDC) while a request or an event carrying one is handled. */
    public static final String MDC_KEY = "requestId";
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    /** True if {@code id} may be kept as it is. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() < MIN_LENGTH || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** {@code given} if it is well-formed, else a fresh id. */
    public static String orFresh(String given) {
        return isWellFormed(given) ? given : fresh();
    }

    /** {@code given} if it is well-formed, else {@code null} (for ids read from Kafka: none is made up there). */
    public static String orNone(String given) {
        return isWellFormed(given) ? given : null;
    }

    /** A new id: a random UUID (36 characters). */
    public static String fresh() {
        return UUID.randomUUID().toString();
    }
}
