package io.creditloop.identification.subject;

import io.creditloop.security.SubjectKeyHash;

/**
 * R16: the stable key of a natural person, {@code ID:<type>:<HMAC-SHA256 of the number>}, keyed with the
 * deployment's secret. It partitions the person's events and names them in logs and URLs; an unkeyed hash of an
 * 18-character ID number could be reversed by trying every plausible number, a keyed one cannot without the secret.
 * The secret must be the same on every instance and must not change without re-keying the stored subjects.
 */
public final class PersonKeys {

    private final SubjectKeyHash hash;

    public PersonKeys(String secret) {
        this.hash = new SubjectKeyHash(secret);
    }

    public String of(String idType, String idNumber) {
        return hash.personKey(idType, idNumber);
    }
}
