package io.creditloop.gateway.access;

import io.creditloop.security.Caller;
import io.creditloop.security.InvalidToken;
import io.creditloop.security.TokenKeys;
import io.creditloop.security.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R16: the token forwarded to a service names exactly the caller, is meant only for the services, and is reused. */
class InternalTokensTest {

    private final Tokens tokens = new Tokens(TokenKeys.development());

    private InternalTokens internalTokens(Duration ttl) {
        return new InternalTokens(tokens, new AccessProperties(null, ttl, null, null, 0, null, null, 0, 0, null, null));
    }

    @Test
    void aCallersTokenIsMintedOnceAndNamesOnlyThatCaller() {
        InternalTokens internal = internalTokens(Duration.ofSeconds(60));
        Caller tax = new Caller(Caller.Kind.DEPARTMENT, "tax", "client-tax", Set.of("listing:write"));
        Caller court = new Caller(Caller.Kind.DEPARTMENT, "court", "client-court", Set.of("listing:write"));

        String first = internal.forCaller(tax);
        assertThat(internal.forCaller(tax)).isSameAs(first);
        assertThat(internal.forCaller(court)).isNotEqualTo(first);
        assertThat(internal.forCaller(new Caller(Caller.Kind.DEPARTMENT, "tax", "client-tax",
                Set.of("listing:write", "listing:read")))).as("other scopes, another token").isNotEqualTo(first);

        assertThat(tokens.verify(first, Tokens.SERVICES)).isEqualTo(tax);
        assertThat(tokens.verify(internal.forCaller(court), Tokens.SERVICES)).isEqualTo(court);
        assertThatThrownBy(() -> tokens.verify(first, Tokens.GATEWAY)).isInstanceOf(InvalidToken.class);
    }

    @Test
    void aTokenIsForwardedOnlyForTheFirstHalfOfItsLife() throws Exception {
        InternalTokens internal = internalTokens(Duration.ofMillis(400));
        Caller tax = new Caller(Caller.Kind.DEPARTMENT, "tax", "client-tax", Set.of("listing:write"));
        String first = internal.forCaller(tax);
        Thread.sleep(300); // past half of its 400 ms life
        assertThat(internal.forCaller(tax)).isNotEqualTo(first);
    }
}
