package io.creditloop.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R16: only tokens the gateway signed, unexpired and meant for the services name a caller. */
class TokensTest {

    private static ECKey key(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).generate();
    }

    @Test
    void aTokenNamesItsCaller() {
        Tokens tokens = new Tokens(TokenKeys.development());
        String token = tokens.mint(Caller.department("tax", "tax-system"), Tokens.SERVICES, Duration.ofMinutes(1));
        Caller caller = tokens.verify(token, Tokens.SERVICES);
        assertThat(caller.kind()).isEqualTo(Caller.Kind.DEPARTMENT);
        assertThat(caller.code()).isEqualTo("tax");
        assertThat(caller.subject()).isEqualTo("tax-system");
        assertThat(caller.actsForDepartment("tax")).isTrue();
        assertThat(caller.actsForDepartment("market")).isFalse();
    }

    @Test
    void forgedExpiredAndMisaddressedTokensAreRefused() throws Exception {
        Tokens real = new Tokens(TokenKeys.development());
        ECKey other = key("dev-2026"); // same kid, another key: a forgery
        Tokens forger = new Tokens(TokenKeys.of(other.toJSONString(), ""));
        String forged = forger.mint(Caller.creditOffice("mallory"), Tokens.SERVICES, Duration.ofMinutes(5));
        assertThatThrownBy(() -> real.verify(forged, Tokens.SERVICES)).isInstanceOf(InvalidToken.class)
                .hasMessageContaining("signature");

        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String expired = new Tokens(TokenKeys.development(), past)
                .mint(Caller.agency("tax", "x"), Tokens.SERVICES, Duration.ofMinutes(5));
        assertThatThrownBy(() -> real.verify(expired, Tokens.SERVICES)).isInstanceOf(InvalidToken.class)
                .hasMessageContaining("expired");

        String external = real.mint(Caller.agency("tax", "x"), Tokens.GATEWAY, Duration.ofMinutes(5));
        assertThatThrownBy(() -> real.verify(external, Tokens.SERVICES)).isInstanceOf(InvalidToken.class)
                .hasMessageContaining("not meant");

        String tampered = real.mint(Caller.agency("tax", "x"), Tokens.SERVICES, Duration.ofMinutes(5));
        String[] parts = tampered.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"tax\"", "\"court\"");
        String swapped = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2];
        assertThatThrownBy(() -> real.verify(swapped, Tokens.SERVICES)).isInstanceOf(InvalidToken.class);
        assertThatThrownBy(() -> real.verify("not.a.token", Tokens.SERVICES)).isInstanceOf(InvalidToken.class);
    }

    @Test
    void keysRotateThroughTheVerificationSet() throws Exception {
        ECKey old = key("k1");
        ECKey next = key("k2");
        String both = new JWKSet(java.util.List.of(old.toPublicJWK(), next.toPublicJWK())).toString();
        Tokens service = new Tokens(TokenKeys.of("", both));
        String byOld = new Tokens(TokenKeys.of(old.toJSONString(), "")).mint(Caller.internal("t"), Tokens.SERVICES,
                Duration.ofMinutes(1));
        String byNext = new Tokens(TokenKeys.of(next.toJSONString(), "")).mint(Caller.internal("t"), Tokens.SERVICES,
                Duration.ofMinutes(1));
        assertThat(service.verify(byOld, Tokens.SERVICES).isInternal()).isTrue();
        assertThat(service.verify(byNext, Tokens.SERVICES).isInternal()).isTrue();

        Tokens afterRotation = new Tokens(TokenKeys.of("", next.toPublicJWK().toJSONString()));
        assertThatThrownBy(() -> afterRotation.verify(byOld, Tokens.SERVICES)).isInstanceOf(InvalidToken.class)
                .hasMessageContaining("unknown key");
        assertThat(service.keys().signing()).isEmpty();
        assertThat(service.keys().isDevelopment()).isFalse();
    }

    /** A moving clock for one Tokens: what it remembered must still expire. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRememberedTokenIsStillCheckedForExpiryAndAudience() {
        MovingClock clock = new MovingClock();
        Tokens tokens = new Tokens(TokenKeys.development(), clock);
        Caller caller = new Caller(Caller.Kind.DEPARTMENT, "tax", "client-tax", java.util.Set.of("listing:write"));
        String token = tokens.mint(caller, Tokens.SERVICES, Duration.ofMinutes(1));

        assertThat(tokens.verify(token, Tokens.SERVICES)).isEqualTo(caller);
        assertThat(tokens.verify(" " + token + " ", Tokens.SERVICES)).as("the second use, remembered").isEqualTo(caller);
        assertThatThrownBy(() -> tokens.verify(token, Tokens.GATEWAY)).isInstanceOf(InvalidToken.class)
                .hasMessageContaining("not meant for");

        clock.now = clock.now.plus(Duration.ofSeconds(89)); // 60 s life + 30 s leeway not yet over
        assertThat(tokens.verify(token, Tokens.SERVICES)).isEqualTo(caller);
        clock.now = clock.now.plus(Duration.ofSeconds(2));
        assertThatThrownBy(() -> tokens.verify(token, Tokens.SERVICES)).isInstanceOf(InvalidToken.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aForgedTokenIsNotRememberedAsItsGenuineTwin() throws Exception {
        Tokens tokens = new Tokens(TokenKeys.development());
        String genuine = tokens.mint(Caller.internal("t"), Tokens.SERVICES, Duration.ofMinutes(1));
        assertThat(tokens.verify(genuine, Tokens.SERVICES).isInternal()).isTrue();
        String[] parts = genuine.split("\\.");
        String otherSignature = tokens.mint(Caller.internal("u"), Tokens.SERVICES, Duration.ofMinutes(1)).split("\\.")[2];
        String forged = parts[0] + "." + parts[1] + "." + otherSignature;
        assertThatThrownBy(() -> tokens.verify(forged, Tokens.SERVICES)).isInstanceOf(InvalidToken.class);
        assertThatThrownBy(() -> tokens.verify(forged, Tokens.SERVICES)).as("refused again, not remembered")
                .isInstanceOf(InvalidToken.class);
    }

    @Test
    void onlyATokenVerifiedBeforeIsAnsweredWithoutVerification() throws Exception {
        MovingClock clock = new MovingClock();
        Tokens tokens = new Tokens(TokenKeys.development(), clock);
        Caller caller = new Caller(Caller.Kind.AGENCY, "court", "client-court", java.util.Set.of());
        String token = tokens.mint(caller, Tokens.GATEWAY, Duration.ofMinutes(1));
        assertThat(tokens.verifyRemembered(token, Tokens.GATEWAY)).as("never verified: no answer").isNull();

        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + tokens.mint(Caller.internal("u"), Tokens.GATEWAY,
                Duration.ofMinutes(1)).split("\\.")[2];
        assertThatThrownBy(() -> tokens.verify(forged, Tokens.GATEWAY)).isInstanceOf(InvalidToken.class);
        assertThat(tokens.verifyRemembered(forged, Tokens.GATEWAY)).as("a refused token is not remembered").isNull();

        assertThat(tokens.verify(token, Tokens.GATEWAY)).isEqualTo(caller);
        assertThat(tokens.verifyRemembered(token, Tokens.GATEWAY)).isEqualTo(caller);
        assertThatThrownBy(() -> tokens.verifyRemembered(token, Tokens.SERVICES)).isInstanceOf(InvalidToken.class)
                .hasMessageContaining("not meant for");
        clock.now = clock.now.plus(Duration.ofSeconds(91)); // 60 s life + 30 s leeway over
        assertThatThrownBy(() -> tokens.verifyRemembered(token, Tokens.GATEWAY)).isInstanceOf(InvalidToken.class)
                .hasMessageContaining("expired");
    }
}
