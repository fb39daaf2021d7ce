package io.creditloop.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogPatternDefaultsTest {

    @ParameterizedTest(name = "requestId={0}, eventId={1} -> \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "req-0000001 | ''                                   | '[req-0000001] x'",
            "''          | 9b7c                                 | '[9b7c] x'",
            "req-0000001 | 9b7c                                 | '[req-0000001 9b7c] x'",
            "req-0000001 | 9b7c..a1f2 (3)                       | '[req-0000001 9b7c..a1f2 (3)] x'",
            "''          | 9b7c..a1f2 (3)                       | '[9b7c..a1f2 (3)] x'",
            "''          | ''                                   | 'x'"})
    @DisplayName("a log line shows the request id and the event id, whichever are known, and nothing when neither is")
    void correlation(String requestId, String eventId, String expected) {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(LogPatternDefaults.PATTERN + "%m");
        layout.start();
        Map<String, String> mdc = new HashMap<>();
        if (!requestId.isEmpty()) {
            mdc.put("requestId", requestId);
        }
        if (!eventId.isEmpty()) {
            mdc.put("eventId", eventId);
        }
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.INFO, "x", null, null);
        event.setMDCPropertyMap(mdc);

        assertThat(layout.doLayout(event)).isEqualTo(expected);
    }
}
