package io.creditloop.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * <p>
 * An ES256 verification costs about a millisecond of CPU, more than the rest of a credit check, and a client sends
 * the same token with every request until it expires. So a token whose signature and claims verified once is
 * remembered (at most {@value #REMEMBERED} tokens, least recently used dropped); a remembered token is still checked
 * on every use against the clock (expiry, issue time) and the audience asked for. The keys of one {@code Tokens}
 * never change, so a signature that verified once verifies again; refused tokens are never remembered.
 */
public final class Tokens {

    public static final String ISSUER = "creditloop-gateway";
    public static final String GATEWAY = "creditloop-gateway";
    public static final String SERVICES = "creditloop-services";
    private static final Duration LEEWAY = Duration.ofSeconds(30);
    static final int REMEMBERED = 10_000;

    private final TokenKeys keys;
    private final Clock clock;
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    /** What a token's one full verification established; the time-dependent parts are checked again on each use. */
    private record Verified(Caller caller, List<String> audiences, Instant expires, Instant issued) {
    }

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
        Caller known = verifyRemembered(token, audience);
        if (known != null) {
            return known;
        }
        String compact = token.strip();
        Verified checked = verifyFully(compact, audience);
        verified.put(compact, checked);
        return checked.caller();
    }

    /**
     * The caller of a token verified before, checked against the clock and {@code audience} as {@link #verify} does;
     * null when this token has not been verified yet (then {@link #verify} it: about a millisecond of CPU). Lets a
     * non-blocking caller (the gateway's event loop) take the cheap path itself and hand only new tokens elsewhere.
     */
    public Caller verifyRemembered(String token, String audience) {
        if (token == null || token.isBlank()) {
            throw new InvalidToken("no token");
        }
        Verified known = verified.getIfPresent(token.strip());
        if (known == null) {
            return null;
        }
        checkClaims(known, audience);
        return known.caller();
    }

    private void checkClaims(Verified token, String audience) {
        Instant now = clock.instant();
        if (token.expires() == null || token.expires().plus(LEEWAY).isBefore(now)) {
            throw new InvalidToken("token expired");
        }
        if (token.issued() != null && token.issued().minus(LEEWAY).isAfter(now)) {
            throw new InvalidToken("token issued in the future");
        }
        if (token.audiences() == null || !token.audiences().contains(audience)) {
            throw new InvalidToken("token not meant for " + audience);
        }
    }

    private Verified verifyFully(String compact, String audience) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(compact);
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
            if (!ISSUER.equals(claims.getIssuer())) {
                throw new InvalidToken("token from an unknown issuer");
            }
            Caller.Kind kind;
            try {
                kind = Caller.Kind.valueOf(claims.getStringClaim("kind"));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidToken("token names no kind of caller");
            }
            String scope = claims.getStringClaim("scope");
            Set<String> scopes = scope == null || scope.isBlank() ? Set.of() : new HashSet<>(List.of(scope.split(" ")));
            Verified checked = new Verified(new Caller(kind, claims.getStringClaim("code"), claims.getSubject(),
                    Set.copyOf(scopes)), claims.getAudience() == null ? null : List.copyOf(claims.getAudience()),
                    claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant(),
                    claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant());
            checkClaims(checked, audience);
            return checked;
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
