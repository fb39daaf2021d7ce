package io.creditloop.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void agencyTopicsAreNamedPerAgencyAndMatchTheResponsePattern() {
        assertThat(Topics.agencyTasks("Finance")).isEqualTo("sanction.tasks.finance");
        assertThat(Topics.agencyResponses("finance")).isEqualTo("sanction.responses.finance")
                .matches(Topics.AGENCY_RESPONSES_PATTERN);
        assertThat(Topics.deadLetter(Topics.LISTING_EVENTS)).isEqualTo("identification.listing.events.dlt");
        assertThat(Topics.agencyTasks("finance")).matches(Topics.AGENCY_TASKS_PATTERN);
    }

    @Test
    void patternsNeverMatchDeadLetterTopics() {
        assertThat(Topics.deadLetter(Topics.agencyResponses("finance"))).doesNotMatch(Topics.AGENCY_RESPONSES_PATTERN);
        assertThat(Topics.deadLetter(Topics.agencyTasks("finance"))).doesNotMatch(Topics.AGENCY_TASKS_PATTERN);
    }

    @Test
    void agencyCodesThatCouldEscapeTheirTopicAreRefused() {
        assertThatThrownBy(() -> Topics.agencyTasks("fin.ance")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.agencyTasks("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.agencyResponses(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
