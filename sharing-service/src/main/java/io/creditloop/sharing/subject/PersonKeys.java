package io.creditloop.sharing.subject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * R16: the subject key of a natural person, {@code ID:<type>:<HMAC-SHA256 of the number>}, exactly as
 * identification-service names persons on its events. With the same secret ({@code SUBJECT_KEY_SECRET}) a person
 * received from upstream and one listed locally have the same key, and the register finds both by ID number without
 * storing the number itself.
 */
public final class PersonKeys {

    public static final String RESIDENT_ID = "RESIDENT_ID";
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec secret;

    public PersonKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the subject-key secret must have at least 16 characters");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String residentId(String idNumber) {
        return of(RESIDENT_ID, idNumber);
    }

    /** {@code ID:<idType>:<HMAC>}, as identification-service keys a person with that ID type. */
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

    public static String organisation(String uscc) {
        return "USCC:" + Uscc.normalise(uscc);
    }
}
