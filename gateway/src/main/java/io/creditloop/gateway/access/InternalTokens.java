package io.creditloop.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.creditloop.security.Caller;
import io.creditloop.security.Tokens;
import org.springframework.stereotype.Component;

/**
 * The short-lived token the gateway forwards to a service for a caller (audience {@link Tokens#SERVICES}, life
 * {@code creditloop.gateway.access.internal-token-ttl}). Signing one costs about half a millisecond of CPU on the
 * event loop and the service's verification another millisecond, so a caller's token is minted once and forwarded
 * with its requests for the first half of its life; a service therefore always receives a token with at least half
 * its life left, and verifies each distinct token only once (see {@link Tokens}).
 */
@Component
class InternalTokens {

    private final Tokens tokens;
    private final AccessProperties properties;
    private final Cache<Caller, String> minted;

    InternalTokens(Tokens tokens, AccessProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
        this.minted = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(properties.internalTokenTtl().dividedBy(2)).build();
    }

    String forCaller(Caller caller) {
        return minted.get(caller, c -> tokens.mint(c, Tokens.SERVICES, properties.internalTokenTtl()));
    }
}
