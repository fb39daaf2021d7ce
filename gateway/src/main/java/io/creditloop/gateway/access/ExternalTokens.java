package io.creditloop.gateway.access;

import io.creditloop.security.Caller;
import io.creditloop.security.InvalidToken;
import io.creditloop.security.Tokens;
import org.springframework.stereotype.Component;

/** A client's bearer token at the gateway: signed by us, unexpired, for the gateway, of a client not revoked. */
@Component
public class ExternalTokens {

    private final Tokens tokens;
    private final ClientRegistry registry;

    ExternalTokens(Tokens tokens, ClientRegistry registry) {
        this.tokens = tokens;
        this.registry = registry;
    }

    /** Blocking (one registry look-up): call on a bounded-elastic thread. */
    public Caller authenticate(String authorization) {
        String token = Tokens.bearer(authorization);
        if (token == null) {
            throw new InvalidToken("not a bearer token");
        }
        Caller caller = tokens.verify(token, Tokens.GATEWAY);
        if (!registry.active(caller.subject())) {
            throw new InvalidToken("client revoked");
        }
        return caller;
    }
}
