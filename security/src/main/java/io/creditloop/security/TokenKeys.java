package io.creditloop.security;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys tokens are signed and verified with. The signing key (an EC P-256 private JWK, {@code TOKEN_SIGNING_KEY})
 * is held by the gateway only; every service holds the verification keys ({@code TOKEN_VERIFICATION_KEYS}, a JWK set
 * of public keys), so a key rotates by adding the new public key everywhere first, then switching the gateway's
 * signing key, then removing the old public key once the last token it signed has expired.
 * <p>
 * With neither configured, a development key pair shipped in this jar is used, with a loud warning: anybody can read
 * it, so such an installation has no authentication worth the name.
 */
public final class TokenKeys {

    private static final Logger log = LoggerFactory.getLogger(TokenKeys.class);
    private static final String DEV_KEY = "dev-signing-key.jwk";

    private final ECKey signing;
    private final JWKSet verification;
    private final boolean development;

    private TokenKeys(ECKey signing, JWKSet verification, boolean development) {
        this.signing = signing;
        this.verification = verification;
        this.development = development;
    }

    /**
     * @param signingJwk      the private signing key as a JWK (JSON), or blank where this app does not sign
     * @param verificationSet public keys as a JWK set (JSON: {@code {"keys":[...]}}) or a single JWK; blank = the
     *                        signing key's public half
     */
    public static TokenKeys of(String signingJwk, String verificationSet) {
        boolean noSigning = signingJwk == null || signingJwk.isBlank();
        boolean noVerification = verificationSet == null || verificationSet.isBlank();
        if (noSigning && noVerification) {
            log.warn("!!! No TOKEN_SIGNING_KEY / TOKEN_VERIFICATION_KEYS configured: using the PUBLIC DEVELOPMENT key "
                    + "pair shipped in the security jar. Anybody can mint tokens for this installation. "
                    + "Never run like this outside a developer's machine. !!!");
            return development();
        }
        try {
            ECKey signing = noSigning ? null : JWK.parse(signingJwk).toECKey();
            if (signing != null && !signing.isPrivate()) {
                throw new IllegalArgumentException("TOKEN_SIGNING_KEY must be a private EC key (with \"d\")");
            }
            List<JWK> keys = new ArrayList<>();
            if (!noVerification) {
                String text = verificationSet.strip();
                if (text.contains("\"keys\"")) {
                    keys.addAll(JWKSet.parse(text).getKeys());
                } else {
                    keys.add(JWK.parse(text));
                }
            } else {
                keys.add(signing);
            }
            List<JWK> publicKeys = keys.stream().map(JWK::toPublicJWK).toList();
            for (JWK key : publicKeys) {
                if (key.getKeyID() == null) {
                    throw new IllegalArgumentException("every verification key needs a \"kid\"");
                }
            }
            if (signing != null && signing.getKeyID() == null) {
                throw new IllegalArgumentException("TOKEN_SIGNING_KEY needs a \"kid\"");
            }
            return new TokenKeys(signing, new JWKSet(publicKeys), false);
        } catch (ParseException e) {
            throw new IllegalArgumentException("token keys are not valid JWK JSON: " + e.getMessage(), e);
        }
    }

    /** The public development key pair (tests, a developer's machine). */
    public static TokenKeys development() {
        try (InputStream in = TokenKeys.class.getResourceAsStream(DEV_KEY)) {
            ECKey key = JWK.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).toECKey();
            return new TokenKeys(key, new JWKSet(key.toPublicJWK()), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<ECKey> signing() {
        return Optional.ofNullable(signing);
    }

    public JWKSet verification() {
        return verification;
    }

    public boolean isDevelopment() {
        return development;
    }
}
