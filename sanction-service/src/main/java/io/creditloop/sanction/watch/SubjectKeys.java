package io.creditloop.sanction.watch;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * R16: the subject keys that listing events carry, computed here the same way identification-service does, so an
 * agency's watch entry matches the events of its subject: {@code USCC:<code>}, {@code ORG:<organisation code>}, and
 * for natural persons {@code ID:<type>:<HMAC-SHA256 of the number>} keyed with the deployment's secret
 * ({@code SUBJECT_KEY_SECRET}, the same on every service). The ID number itself is never stored.
 */
public final class SubjectKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec secret;

    public SubjectKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the subject-key secret must have at least 16 characters");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** @param uscc a normalised USCC (upper case, no spaces) */
    public String ofOrganisation(String uscc) {
        return "USCC:" + uscc;
    }

    /** An organisation known only by its organisation code (before the USCC reform). */
    public String ofOrganisationCode(String organisationCode) {
        return "ORG:" + organisationCode;
    }

    /** @param idType e.g. {@code RESIDENT_ID}; the number is normalised (trimmed, upper case) before hashing */
    public String ofPerson(String idType, String idNumber) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            byte[] digest = mac.doFinal(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "ID:" + idType + ":" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
