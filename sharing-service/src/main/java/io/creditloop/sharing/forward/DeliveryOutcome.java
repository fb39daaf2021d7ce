package io.creditloop.sharing.forward;

/** What one attempt to push a forward to its platform came to. */
public sealed interface DeliveryOutcome {

    /** 2xx, or the file written: the platform has the record. */
    record Delivered(String acknowledgement) implements DeliveryOutcome {
    }

    /** 4xx: the platform refused the record; final. */
    record Rejected(String reason) implements DeliveryOutcome {
    }

    /** 5xx, timeout, connection refused, a throttling 4xx: try again later; counts as an attempt. */
    record Failed(String error) implements DeliveryOutcome {
    }

    /**
     * Not attempted: the platform's circuit is open, its bulkhead is full, or it failed earlier in the same batch.
     * The forward is given back for a later tick without counting an attempt.
     */
    record Deferred(String why) implements DeliveryOutcome {
    }
}
