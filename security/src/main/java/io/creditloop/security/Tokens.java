package io.creditloop.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Mints and verifies the ES256-signed JWTs that carry a {@link Caller}. Two audiences: {@link #GATEWAY} for the
 * tokens the gateway hands its clients, {@link #SERVICES} for the short-lived tokens it forwards to a service. A
 * service accepts only {@link #SERVICES}, so a client's own token sent straight to a service is refused.
 */
public final class Tokens {

    public static final String ISSUER = "creditloop-gateway";
    public static final String GATEWAY = "creditloop-gateway";
    public static final String SERVICES = "creditloop-services";
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final TokenKeys keys;
    private final Clock clock;

    public Tokens(TokenKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public Tokens(TokenKeys keys) {
        this(keys, Clock.systemUTC());
    }

    public TokenKeys keys() {
        return keys;
    }

    /** A token for {@code caller}, valid for {@code ttl}, for {@code audience}. */
    public String mint(Caller caller, String audience, Duration ttl) {
        ECKey key = keys.signing().orElseThrow(() -> new IllegalStateException("this app holds no signing key"));
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(caller.subject())
                .claim("kind", caller.kind().name())
                .claim("code", caller.code())
                .claim("scope", String.join(" ", caller.scopes()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The caller a valid token names; {@link InvalidToken} when it is malformed, forged, expired or not for us. */
    public Caller verify(String token, String audience) {
        if (token == null || token.isBlank()) {
            throw new InvalidToken("no token");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token.strip());
        } catch (ParseException e) {
            throw new InvalidToken("malformed token");
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidToken("unexpected token algorithm");
        }
        String kid = jwt.getHeader().getKeyID();
        JWK key = kid == null ? null : keys.verification().getKeyByKeyId(kid);
        if (key == null) {
            throw new InvalidToken("token signed with an unknown key");
        }
        try {
            if (!jwt.verify(new ECDSAVerifier(key.toECKey()))) {
                throw new InvalidToken("token signature does not verify");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().plus(LEEWAY).isBefore(now)) {
                throw new InvalidToken("token expired");
            }
            if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().minus(LEEWAY).isAfter(now)) {
                throw new InvalidToken("token issued in the future");
            }
            if (!ISSUER.equals(claims.getIssuer())) {
                throw new InvalidToken("token from an unknown issuer");
            }
            List<String> audiences = claims.getAudience();
            if (audiences == null || !audiences.contains(audience)) {
                throw new InvalidToken("token not meant for " + audience);
            }
            Caller.Kind kind;
            try {
                kind = Caller.Kind.valueOf(claims.getStringClaim("kind"));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidToken("token names no kind of caller");
            }
            String scope = claims.getStringClaim("scope");
            Set<String> scopes = scope == null || scope.isBlank() ? Set.of() : new HashSet<>(List.of(scope.split(" ")));
            return new Caller(kind, claims.getStringClaim("code"), claims.getSubject(), scopes);
        } catch (JOSEException | ParseException e) {
            throw new InvalidToken("token cannot be verified", e);
        }
    }

    /** The token of an {@code Authorization: Bearer ...} header value, or null. */
    public static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : null;
    }
}
