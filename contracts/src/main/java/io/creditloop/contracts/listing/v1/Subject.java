package io.creditloop.contracts.listing.v1;

/**
 * The credit subject (R3). Organisations carry their USCC; persons an ID type and number.
 * {@code key} is stable per subject and is the partition key of every listing event:
 * {@code USCC:<code>}, {@code ORG:<organisation code>} or {@code ID:<type>:<HMAC-SHA256 of the number, keyed with the
 * deployment's secret>}, so no topic key reveals an ID number.
 */
public record Subject(String key, SubjectType type, String name, String uscc, String idType, String idNumber,
                      String legalRepresentative) {
}
