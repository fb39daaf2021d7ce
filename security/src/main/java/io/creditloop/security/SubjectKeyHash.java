package io.creditloop.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * R16: the keyed hash that stands for an ID number wherever the number itself must not be kept: HMAC-SHA256 of the
 * number (trimmed, upper case), keyed with the deployment's {@code SUBJECT_KEY_SECRET}, as lower-case hex. An unkeyed
 * hash of an 18-character ID number could be reversed by trying every plausible birth date and sequence; a keyed one
 * cannot without the secret. Every service computes a person's key with this one class, so a person listed in
 * identification, forwarded by sharing, watched in sanction and searched on the board has the same key everywhere; the
 * secret must be the same on every instance and must not change without re-keying the stored subjects.
 */
public final class SubjectKeyHash {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_SECRET_LENGTH = 16;

    private final SecretKeySpec secret;
    /** A Mac is not thread-safe and {@code Mac.getInstance} searches the providers each time: one per thread. */
    private final ThreadLocal<Mac> macs;

    public SubjectKeyHash(String secret) {
        if (secret == null || secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalArgumentException("the subject-key secret must have at least " + MINIMUM_SECRET_LENGTH
                    + " characters");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The hex HMAC of an ID number, normalised (trimmed, upper case) first. */
    public String of(String idNumber) {
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(normalised(idNumber).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code ID:<idType>:<hash>}: the subject key of a natural person on every event and in every service. */
    public String personKey(String idType, String idNumber) {
        return "ID:" + idType + ":" + of(idNumber);
    }

    static String normalised(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
