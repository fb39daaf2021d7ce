package io.creditloop.sharing.subject;

import io.creditloop.security.SubjectKeyHash;

/**
 * R16: the subject key of a natural person, {@code ID:<type>:<HMAC-SHA256 of the number>}, exactly as
 * identification-service names persons on its events. With the same secret ({@code SUBJECT_KEY_SECRET}) a person
 * received from upstream and one listed locally have the same key, and the register finds both by ID number without
 * storing the number itself.
 */
public final class PersonKeys {

    public static final String RESIDENT_ID = "RESIDENT_ID";
    private final SubjectKeyHash hash;

    public PersonKeys(String secret) {
        this.hash = new SubjectKeyHash(secret);
    }

    public String residentId(String idNumber) {
        return of(RESIDENT_ID, idNumber);
    }

    /** {@code ID:<idType>:<HMAC>}, as identification-service keys a person with that ID type. */
    public String of(String idType, String idNumber) {
        return hash.personKey(idType, idNumber);
    }

    public static String organisation(String uscc) {
        return "USCC:" + Uscc.normalise(uscc);
    }
}
