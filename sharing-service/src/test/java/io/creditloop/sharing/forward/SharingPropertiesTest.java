package io.creditloop.sharing.forward;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharingPropertiesTest {

    private static final SharingProperties.Platform CITY =
            new SharingProperties.Platform("city", URI.create("http://127.0.0.1:8090/platforms/city/records"), 7);

    @Test
    @DisplayName("retries back off by doubling, up to the maximum")
    void backoff() {
        SharingProperties properties = properties(List.of(CITY), Duration.ofMinutes(5));

        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.backoffAfter(10)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoffAfter(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    @DisplayName("R6: platforms need a code, an http(s) url, a deadline and distinct codes")
    void platformsValidated() {
        assertThatThrownBy(() -> new SharingProperties.Platform("City!", URI.create("http://x/"), 7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SharingProperties.Platform("city", URI.create("ftp://x/"), 7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SharingProperties.Platform("city", URI.create("http://x/"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> properties(List.of(CITY, CITY), Duration.ofMinutes(5)))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> properties(List.of(), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a claim lease shorter than a batch of timed-out attempts is refused")
    void leaseMustCoverABatch() {
        assertThatThrownBy(() -> properties(List.of(CITY), Duration.ofSeconds(30)))
                .hasMessageContaining("claim-lease");
    }

    private static SharingProperties properties(List<SharingProperties.Platform> platforms, Duration lease) {
        return new SharingProperties(platforms, 10, Duration.ofSeconds(2), Duration.ofSeconds(10), lease,
                Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
}
