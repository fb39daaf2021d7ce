package io.creditloop.sanction.task.messaging;

import io.creditloop.contracts.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseTopicsTest {

    private static final Pattern PATTERN = Pattern.compile(ResponseTopics.PATTERN);

    @Test
    @DisplayName("the subscription takes every agency's response topic")
    void matchesAgencyTopics() {
        assertThat(PATTERN.matcher(Topics.agencyResponses("finance")).matches()).isTrue();
        assertThat(PATTERN.matcher(Topics.agencyResponses("public-resource-trading")).matches()).isTrue();
    }

    @Test
    @DisplayName("the subscription leaves out dead-letter topics and task topics")
    void excludesDeadLettersAndTasks() {
        assertThat(PATTERN.matcher(Topics.deadLetter(Topics.agencyResponses("finance"))).matches()).isFalse();
        assertThat(PATTERN.matcher(Topics.agencyTasks("finance")).matches()).isFalse();
    }

    @Test
    @DisplayName("the agency of a response topic is its suffix")
    void agencyOfTopic() {
        assertThat(ResponseTopics.agencyOf(Topics.agencyResponses("market-regulation")))
                .isEqualTo("market-regulation");
        assertThatThrownBy(() -> ResponseTopics.agencyOf("sanction.responses.finance.dlt"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
