package io.creditloop.identification.subject;


/**
 * The stable key of a credit subject: the partition key of its events, so one subject's events stay in order.
 * Organisations: {@code USCC:<code>} (or {@code ORG:<organisation code>}). Persons: see {@link PersonKeys}, a
 * keyed hash, so no topic key, log line or URL built from it reveals an ID number.
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

}
