package io.creditloop.contracts.listing.v1;

/**
 * The credit subject (R3). Organisations carry their USCC; persons an ID type and number.
 * {@code key} is stable per subject and is the partition key of every listing event:
 * {@code USCC:<code>} or {@code ID:<type>:<sha-256 hex of the number>} so no topic key reveals an ID number.
 */
public record Subject(String key, SubjectType type, String name, String uscc, String idType, String idNumber,
                      String legalRepresentative) {
}
