package io.creditloop.messaging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8, R16: the ID number inside a stored event is sealed wherever it sits, and only it. */
class JsonFieldProtectionTest {

    private final JsonFieldProtection protection = new JsonFieldProtection(Set.of("idNumber"),
            value -> "sealed(" + value + ")", value -> value.substring("sealed(".length(), value.length() - 1));

    @Test
    @DisplayName("R16: nested and repeated idNumber fields are sealed and opened; nothing else changes")
    void sealsEveryIdNumberField() {
        String event = "{\"id\":\"e1\",\"payload\":{\"subject\":{\"name\":\"张三\",\"idNumber\":\"420102198304040785\"},"
                + "\"others\":[{\"idNumber\":\"110101199003070016\"},{\"idNumber\":null}],\"n\":1}}";
        String stored = protection.seal(event);
        assertThat(stored).doesNotContain("\"420102198304040785\"").doesNotContain("\"110101199003070016\"")
                .contains("sealed(420102198304040785)").contains("sealed(110101199003070016)")
                .contains("\"name\":\"张三\"").contains("\"idNumber\":null").contains("\"n\":1");
        assertThat(protection.open(stored)).isEqualTo(event);
    }

    @Test
    @DisplayName("an event without the field is stored exactly as it came")
    void leavesOtherEventsAlone() {
        String event = "{\"id\":\"e2\",\"payload\":{\"uscc\":\"91420200MA4KLB7Q32\"}}";
        assertThat(protection.seal(event)).isSameAs(event);
        assertThat(protection.open(event)).isSameAs(event);
        assertThat(PayloadProtection.NONE.seal(event)).isSameAs(event);
    }
}
