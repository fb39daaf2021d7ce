package io.creditloop.gateway.access;

import io.creditloop.security.Caller;

import java.time.Instant;

/** A registered caller of the gateway: a department's or agency's system, or a member of the credit office's staff. */
public record Client(String clientId, Caller.Kind kind, String code, String name, Instant createdAt,
                     Instant rotatedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    public Caller caller() {
        return new Caller(kind, code, clientId, java.util.Set.of());
    }
}
