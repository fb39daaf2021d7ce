package io.creditloop.sharing.forward;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import java.util.function.Supplier;

/**
 * One platform's Resilience4j retry, circuit breaker and bulkhead around a delivery call. Retry is outermost and retries
 * a {@link DeliveryOutcome.Failed} with exponential backoff (a few short waits: the long backoff is the persisted one
 * in {@link ForwardService}); the circuit breaker counts failed calls and, once open, refuses calls without trying
 * the platform; the bulkhead limits calls in flight to the platform across delivery workers.
 */
final class PlatformGuard {

    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    PlatformGuard(Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
    }

    /** Calls the platform through the guard; an open circuit or a full bulkhead defers the call instead. */
    DeliveryOutcome call(Supplier<DeliveryOutcome> delivery) {
        Supplier<DeliveryOutcome> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, delivery)));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            return new DeliveryOutcome.Deferred("circuit breaker " + circuitBreaker.getName() + " is open");
        } catch (BulkheadFullException e) {
            return new DeliveryOutcome.Deferred("bulkhead " + bulkhead.getName() + " is full");
        } catch (RuntimeException e) {
            return new DeliveryOutcome.Failed(e.toString());
        }
    }

    CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }
}
