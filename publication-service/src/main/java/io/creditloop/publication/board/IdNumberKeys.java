package io.creditloop.publication.board;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * R16: the board finds a person by the full ID number without keeping it. What is stored is a keyed hash
 * (HMAC-SHA256 with the deployment's {@code SUBJECT_KEY_SECRET}; a plain hash of a birth date and a few digits could
 * be reversed by trying them all); a search hashes the number it is given the same way.
 */
public final class IdNumberKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dX]|\\d{15}");

    private final SecretKeySpec secret;

    public IdNumberKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the subject-key secret must have at least 16 characters");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The key of an ID number (trimmed, upper case); {@code null} for none. */
    public String of(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return HexFormat.of().formatHex(
                    mac.doFinal(normalised(idNumber).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** Whether a search text is shaped like a resident ID number, so it is worth hashing. */
    public static boolean looksLikeIdNumber(String text) {
        return text != null && RESIDENT_ID.matcher(normalised(text)).matches();
    }

    private static String normalised(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }
}
