package io.creditloop.identification.subject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The stable key of a credit subject: the partition key of its events, so one subject's events stay in order.
 * Organisations: {@code USCC:<code>}. Persons: {@code ID:<type>:<sha-256 of the number>}, so no topic key, log
 * line or URL built from it reveals an ID number.
 */
public final class SubjectKey {

    private SubjectKey() {
    }

    public static String ofOrganisation(Uscc uscc) {
        return ofOrganisation(uscc.value());
    }

    /** For a verified pilot code that fails its check character and so is no {@link Uscc}. */
    public static String ofOrganisation(String normalisedUscc) {
        return "USCC:" + normalisedUscc;
    }

    /** An organisation known only by its organisation code (registered before the USCC reform). */
    public static String ofOrganisationCode(String organisationCode) {
        return "ORG:" + organisationCode;
    }

    public static String ofPerson(String idType, String idNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "ID:" + idType + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
