package io.creditloop.sharing.forward;

/** What one attempt to push a forward to its platform came to. */
public sealed interface DeliveryOutcome {

    /** 2xx: the platform has the record. */
    record Delivered(String acknowledgement) implements DeliveryOutcome {
    }

    /** 4xx: the platform refused the record; final. */
    record Rejected(String reason) implements DeliveryOutcome {
    }

    /** 5xx, timeout, connection refused, a throttling 4xx: try again later. */
    record Failed(String error) implements DeliveryOutcome {
    }
}
