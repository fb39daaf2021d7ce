package io.creditloop.contracts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Topic names. Listing events are keyed by the subject key so one subject's events stay in order;
 * each enforcing agency has its own task topic and its own response topic, so each can get its own ACL.
 */
public final class Topics {

    /** listing.confirmed / listing.exited / listing.corrected, keyed by subject key. */
    public static final String LISTING_EVENTS = "identification.listing.events";
    /** forward.delivered / forward.rejected / forward.at-risk / forward.overdue, keyed by listing id. */
    public static final String SHARING_EVENTS = "sharing.forward.events";
    /** upstream.listing.received (lists made elsewhere, R4/R5), keyed by {@code platform:upstreamId}. */
    public static final String UPSTREAM_LISTINGS = "sharing.upstream.listings";
    /** objection.filed, objection.deadline, decision.made, keyed by listing id. */
    public static final String REPAIR_EVENTS = "repair.case.events";
    /**
     * R16 personal-data reads from every service, keyed by the person's subject key (the resource id when a read
     * names no single person); read by sharing-service into the audit log.
     */
    public static final String PERSONAL_DATA_READS = "audit.personal-data-reads";

    /** The topics of the suite that are not per agency; each service creates them (and their DLTs) if missing. */
    public static final java.util.List<String> SUITE_TOPICS = java.util.List.of(LISTING_EVENTS, SHARING_EVENTS,
            UPSTREAM_LISTINGS, REPAIR_EVENTS, PERSONAL_DATA_READS);

    private static final String TASKS_PREFIX = "sanction.tasks.";
    private static final String RESPONSES_PREFIX = "sanction.responses.";
    /**
     * Every agency's response topic, for a pattern subscription. Agency codes contain no dot, so the pattern never
     * matches a dead-letter topic ({@code sanction.responses.<agency>.dlt}): a listener must not read its own DLT.
     */
    public static final String AGENCY_RESPONSES_PATTERN = "sanction\\.responses\\.[a-z0-9][a-z0-9-]*";
    /** Every agency's task topic, for a pattern subscription; excludes dead-letter topics likewise. */
    public static final String AGENCY_TASKS_PATTERN = "sanction\\.tasks\\.[a-z0-9][a-z0-9-]*";
    /** Suffix of the dead-letter topic of any topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Pattern AGENCY_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Topics() {
    }

    /**
     * Everything for one enforcing agency, keyed by subject key: tasks initiated and lifted, reminders, notices that
     * an answer came for a lifted task, and watch-list notices.
     */
    public static String agencyTasks(String agencyCode) {
        return TASKS_PREFIX + checkedAgency(agencyCode);
    }

    /** Responses (responded, implemented, feedback) from one enforcing agency, keyed by task id. */
    public static String agencyResponses(String agencyCode) {
        return RESPONSES_PREFIX + checkedAgency(agencyCode);
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private static String checkedAgency(String agencyCode) {
        String code = agencyCode == null ? "" : agencyCode.toLowerCase(Locale.ROOT);
        if (!AGENCY_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("agency code must be 1-63 of [a-z0-9-]: " + agencyCode);
        }
        return code;
    }
}
