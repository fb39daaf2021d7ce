package io.creditloop.identification.subject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * R16: the stable key of a natural person, {@code ID:<type>:<HMAC-SHA256 of the number>}, keyed with the
 * deployment's secret. It partitions the person's events and names them in logs and URLs; an unkeyed hash of an
 * 18-character ID number could be reversed by trying every plausible number, a keyed one cannot without the secret.
 * The secret must be the same on every instance and must not change without re-keying the stored subjects.
 */
public final class PersonKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec secret;

    public PersonKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the subject-key secret must have at least 16 characters");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String of(String idType, String idNumber) {
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
