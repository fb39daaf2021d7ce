package io.creditloop.gateway.access;

/**
 * A body sent without {@code Content-Length} (chunked) grew over the limit while it was streamed to the service: the
 * request is cut and answered 413. Not a failure of the service (its circuit breaker does not count it).
 */
public class RequestBodyTooLarge extends RuntimeException {

    /** Exchange attribute set when a body was cut, for the answer that follows. */
    public static final String ATTRIBUTE = RequestBodyTooLarge.class.getName();

    private final long limit;

    public RequestBodyTooLarge(long limit) {
        super("request body over " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** {@code true} if {@code error} or one of its causes is a cut body. */
    public static boolean in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestBodyTooLarge) {
                return true;
            }
        }
        return false;
    }
}
