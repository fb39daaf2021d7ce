package io.creditloop.simulator.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedPlatformTest {

    private static final Instant T0 = Instant.parse("2026-03-05T01:00:00Z");
    private final ObjectMapper json = new ObjectMapper();
    private final SimulatedPlatform platform = new SimulatedPlatform("city");

    @Test
    @DisplayName("R6: down for a period from when it is set, then up; replays and 503s are counted, records once")
    void downForAPeriod() {
        platform.behave(new Behaviour(null, 0, null, Duration.ofDays(3), 0), T0);

        assertThat(platform.receive("k1", record(1), T0.plus(Duration.ofDays(2))).result())
                .isEqualTo(SimulatedPlatform.Result.DOWN);
        assertThat(platform.receive("k1", record(1), T0.plus(Duration.ofDays(3))).result())
                .isEqualTo(SimulatedPlatform.Result.ACCEPTED);
        assertThat(platform.receive("k1", record(1), T0.plus(Duration.ofDays(3))).result())
                .isEqualTo(SimulatedPlatform.Result.REPLAYED);

        assertThat(platform.stats()).isEqualTo(new SimulatedPlatform.Stats("city", 1, 1, 0, 1));
        assertThat(platform.behaviour().downUntil()).isEqualTo(T0.plus(Duration.ofDays(3)));
    }

    @Test
    @DisplayName("R6: every Nth new record is refused with a reason; a refused record can be sent again under a new key")
    void rejectEveryNth() {
        platform.behave(new Behaviour(null, 0, null, null, 3), T0);

        assertThat(platform.receive("a", record(1), T0).result()).isEqualTo(SimulatedPlatform.Result.ACCEPTED);
        assertThat(platform.receive("b", record(2), T0).result()).isEqualTo(SimulatedPlatform.Result.ACCEPTED);
        SimulatedPlatform.Outcome third = platform.receive("c", record(3), T0);
        assertThat(third.result()).isEqualTo(SimulatedPlatform.Result.REJECTED);
        assertThat(third.reason()).contains("3");
        assertThat(platform.receive("d", record(4), T0).result()).isEqualTo(SimulatedPlatform.Result.ACCEPTED);

        assertThat(platform.stats().distinctRecords()).isEqualTo(3);
        assertThat(platform.stats().rejections()).isEqualTo(1);
    }

    private ObjectNode record(int n) {
        return json.createObjectNode().put("n", n);
    }
}
