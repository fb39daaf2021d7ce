package io.creditloop.sanction.watch;

/**
 * A subject an agency currently serves, as it names it: an organisation by USCC (or, registered before the USCC
 * reform, by organisation code), a person by ID type and number. Unchecked; {@link WatchRules} checks it.
 *
 * @param relation how the agency serves the subject, in its words: licensee, bidder, grantee, ...
 */
public record WatchSubject(String uscc, String organisationCode, String idType, String idNumber, String relation) {

    /** Never reveals the ID number (R16). */
    @Override
    public String toString() {
        return "WatchSubject[uscc=" + uscc + ", organisationCode=" + organisationCode + ", idType=" + idType
                + ", idNumber=" + (idNumber == null ? null : "[masked]") + ", relation=" + relation + "]";
    }
}
