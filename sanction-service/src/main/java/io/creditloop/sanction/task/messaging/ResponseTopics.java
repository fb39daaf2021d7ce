package io.creditloop.sanction.task.messaging;

import io.creditloop.contracts.Topics;

import java.util.regex.Pattern;

/**
 * The agencies' response topics, named by {@code Topics.agencyResponses}: exactly the agencies' own topics, never
 * their dead-letter topics (a listener must not read its own DLT).
 */
final class ResponseTopics {

    private static final String PREFIX = "sanction.responses.";

    /** For {@code @KafkaListener(topicPattern)}: a compile-time constant. */
    static final String PATTERN = Topics.AGENCY_RESPONSES_PATTERN;

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private ResponseTopics() {
    }

    /** The agency whose response topic this is. */
    static String agencyOf(String topic) {
        if (topic == null || !COMPILED.matcher(topic).matches()) {
            throw new IllegalArgumentException("not an agency response topic: " + topic);
        }
        return topic.substring(PREFIX.length());
    }
}
