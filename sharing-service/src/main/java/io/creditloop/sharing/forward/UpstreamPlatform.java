package io.creditloop.sharing.forward;

import java.util.List;

/**
 * R6: one upstream platform (city, province, nation, ...), however it takes records. Adapters: {@link HttpPushPlatform}
 * (a JSON POST per record with an Idempotency-Key) and {@link XlsxFilePlatform} (batch files). Each is wrapped in the
 * platform's own retry, circuit breaker and bulkhead ({@link PlatformGuard}).
 */
public interface UpstreamPlatform {

    String code();

    /**
     * Delivers forwards that are all for this platform, and says what came of each, in the same order. Never throws:
     * a failure is a {@link DeliveryOutcome.Failed} (an attempt) or a {@link DeliveryOutcome.Deferred} (none made).
     */
    List<DeliveryOutcome> deliver(List<Forward> forwards);
}
