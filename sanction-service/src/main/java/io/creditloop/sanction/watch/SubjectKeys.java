package io.creditloop.sanction.watch;

import io.creditloop.security.SubjectKeyHash;

/**
 * R16: the subject keys that listing events carry, computed here the same way identification-service does, so an
 * agency's watch entry matches the events of its subject: {@code USCC:<code>}, {@code ORG:<organisation code>}, and
 * for natural persons {@code ID:<type>:<HMAC-SHA256 of the number>} keyed with the deployment's secret
 * ({@code SUBJECT_KEY_SECRET}, the same on every service). The ID number itself is never stored.
 */
public final class SubjectKeys {

    private final SubjectKeyHash hash;

    public SubjectKeys(String secret) {
        this.hash = new SubjectKeyHash(secret);
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
        return hash.personKey(idType, idNumber);
    }
}
