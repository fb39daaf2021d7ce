package io.creditloop.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.creditloop.security.Caller;
import io.creditloop.security.InvalidToken;
import io.creditloop.security.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * A client's bearer token at the gateway: signed by us, unexpired, for the gateway, of a client not revoked.
 * <p>
 * R16, revocation: a client found active in the registry is taken as active for
 * {@code creditloop.gateway.client-check-interval} (1 s; 0: the registry is asked on every request), so a client
 * revoked through another gateway instance, or in the database, is refused at most that long after. A revocation
 * through this instance ({@link #revoked}) takes effect at once. Issue 9: the registry look-up was a database round
 * trip and a hop to a blocking thread on every request.
 */
@Component
public class ExternalTokens {

    private final Tokens tokens;
    private final ClientRegistry registry;
    /** Clients found active, by id; absent: ask the registry. */
    private final Cache<String, Boolean> active;

    @Autowired
    ExternalTokens(Tokens tokens, ClientRegistry registry, AccessProperties properties) {
        this(tokens, registry, properties.clientCheckInterval(), Ticker.systemTicker());
    }

    ExternalTokens(Tokens tokens, ClientRegistry registry, Duration checkInterval, Ticker ticker) {
        this.tokens = tokens;
        this.registry = registry;
        this.active = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(checkInterval).ticker(ticker).build();
    }

    /** Blocking (a signature check and a registry look-up, each when not known yet): call on a bounded-elastic thread. */
    public Caller authenticate(String authorization) {
        String token = Tokens.bearer(authorization);
        if (token == null) {
            throw new InvalidToken("not a bearer token");
        }
        Caller caller = tokens.verify(token, Tokens.GATEWAY);
        if (active.getIfPresent(caller.subject()) == null) {
            if (!registry.active(caller.subject())) {
                throw new InvalidToken("client revoked");
            }
            active.put(caller.subject(), Boolean.TRUE);
        }
        return caller;
    }

    /**
     * Without blocking: the caller when the token verified before and its client was found active within the check
     * interval; null when either must be looked up ({@link #authenticate}); {@link InvalidToken} when the token is no
     * longer good (expired, not for the gateway).
     */
    Caller known(String authorization) {
        String token = Tokens.bearer(authorization);
        if (token == null) {
            throw new InvalidToken("not a bearer token");
        }
        Caller caller = tokens.verifyRemembered(token, Tokens.GATEWAY);
        return caller != null && active.getIfPresent(caller.subject()) != null ? caller : null;
    }

    /** The client was revoked through this instance: its tokens are refused from the next request on. */
    void revoked(String clientId) {
        active.invalidate(clientId);
    }
}
