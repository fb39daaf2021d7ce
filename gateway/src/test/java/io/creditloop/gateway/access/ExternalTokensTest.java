package io.creditloop.gateway.access;

import io.creditloop.security.Caller;
import io.creditloop.security.InvalidToken;
import io.creditloop.security.TokenKeys;
import io.creditloop.security.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R16, revocation: a client found active is taken as active for the check interval only; revoked elsewhere (another
 * instance, the database) it is refused once the interval is over, revoked through this instance at once.
 */
class ExternalTokensTest {

    private final Tokens tokens = new Tokens(TokenKeys.development());
    private final AtomicBoolean registered = new AtomicBoolean(true);
    private final AtomicInteger lookUps = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final ClientRegistry registry = new ClientRegistry(null) {
        @Override
        public boolean active(String clientId) {
            lookUps.incrementAndGet();
            return registered.get() && clientId.equals("court-client");
        }
    };
    private final Caller court = new Caller(Caller.Kind.AGENCY, "court", "court-client", Set.of());
    private final String bearer = "Bearer " + tokens.mint(court, Tokens.GATEWAY, Duration.ofMinutes(15));

    private ExternalTokens externalTokens(Duration interval) {
        return new ExternalTokens(tokens, registry, interval, nanos::get);
    }

    @Test
    void aClientRevokedElsewhereIsRefusedOnceTheCheckIntervalIsOver() {
        ExternalTokens external = externalTokens(Duration.ofSeconds(1));
        assertThat(external.known(bearer)).as("nothing known yet").isNull();
        assertThat(external.authenticate(bearer)).isEqualTo(court);
        assertThat(external.known(bearer)).isEqualTo(court);
        assertThat(lookUps).hasValue(1);

        registered.set(false); // revoked through another gateway instance
        nanos.addAndGet(Duration.ofMillis(900).toNanos());
        assertThat(external.known(bearer)).as("within the interval").isEqualTo(court);
        assertThat(external.authenticate(bearer)).isEqualTo(court);
        assertThat(lookUps).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(101).toNanos());
        assertThat(external.known(bearer)).as("the interval is over: look it up").isNull();
        assertThatThrownBy(() -> external.authenticate(bearer)).isInstanceOf(InvalidToken.class)
                .hasMessageContaining("revoked");
        assertThat(lookUps).hasValue(2);
        assertThat(external.known(bearer)).as("a refused client is not remembered").isNull();
        assertThatThrownBy(() -> external.authenticate(bearer)).isInstanceOf(InvalidToken.class);
    }

    @Test
    void aClientRevokedThroughThisInstanceIsRefusedAtOnce() {
        ExternalTokens external = externalTokens(Duration.ofSeconds(1));
        assertThat(external.authenticate(bearer)).isEqualTo(court);
        registered.set(false);
        external.revoked("court-client");
        assertThat(external.known(bearer)).isNull();
        assertThatThrownBy(() -> external.authenticate(bearer)).isInstanceOf(InvalidToken.class);
    }

    @Test
    void withoutAnIntervalTheRegistryIsAskedOnEveryRequest() {
        ExternalTokens external = externalTokens(Duration.ZERO);
        external.authenticate(bearer);
        external.authenticate(bearer);
        assertThat(external.known(bearer)).isNull();
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void aTokenNotForTheGatewayIsRefusedOnEitherPath() {
        ExternalTokens external = externalTokens(Duration.ofSeconds(1));
        String serviceToken = "Bearer " + tokens.mint(court, Tokens.SERVICES, Duration.ofMinutes(1));
        assertThatThrownBy(() -> external.authenticate(serviceToken)).isInstanceOf(InvalidToken.class);
        external.authenticate(bearer);
        assertThat(external.known(serviceToken)).as("never verified").isNull();
        tokens.verify(Tokens.bearer(serviceToken), Tokens.SERVICES); // now remembered, for the services
        assertThatThrownBy(() -> external.known(serviceToken)).isInstanceOf(InvalidToken.class)
                .hasMessageContaining("not meant for");
        assertThatThrownBy(() -> external.known("Basic abc")).isInstanceOf(InvalidToken.class);
    }
}
