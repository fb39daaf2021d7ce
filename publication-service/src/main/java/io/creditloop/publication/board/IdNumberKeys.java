package io.creditloop.publication.board;

import io.creditloop.security.SubjectKeyHash;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * R16: the board finds a person by the full ID number without keeping it. What is stored is a keyed hash
 * (HMAC-SHA256 with the deployment's {@code SUBJECT_KEY_SECRET}; a plain hash of a birth date and a few digits could
 * be reversed by trying them all); a search hashes the number it is given the same way.
 */
public final class IdNumberKeys {

    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dX]|\\d{15}");

    private final SubjectKeyHash hash;

    public IdNumberKeys(String secret) {
        this.hash = new SubjectKeyHash(secret);
    }

    /** The key of an ID number (trimmed, upper case); {@code null} for none. */
    public String of(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        return hash.of(idNumber);
    }

    /** Whether a search text is shaped like a resident ID number, so it is worth hashing. */
    public static boolean looksLikeIdNumber(String text) {
        return text != null && RESIDENT_ID.matcher(normalised(text)).matches();
    }

    private static String normalised(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }
}
