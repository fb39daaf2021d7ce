package io.creditloop.sharing.registry;

/** R16: a query that touches a natural person needs a stated purpose; nothing is shown without one. */
public class PurposeRequiredException extends RuntimeException {

    public PurposeRequiredException() {
        super("查询自然人须说明查询目的 (a query of a natural person needs a stated purpose)", null, false, false);
    }
}
