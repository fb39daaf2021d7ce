package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForwardTest {

    private static final Instant NOW = Instant.parse("2025-09-30T02:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2025, 10, 16);

    private final Forward forward = Forward.pending(UUID.randomUUID(), UUID.randomUUID(), 2, "city",
            ForwardAction.LISTING, "{\"action\":\"LISTING\"}", DUE, NOW);

    @Test
    @DisplayName("R6: a forward starts pending, with no attempt made")
    void startsPending() {
        assertThat(forward.state()).isEqualTo(ForwardState.PENDING);
        assertThat(forward.attempts()).isZero();
        assertThat(forward.pending()).isTrue();
    }

    @Test
    @DisplayName("R6: failed attempts keep it pending and count; delivery keeps the acknowledgement")
    void retriedThenDelivered() {
        Forward retried = forward.failed("HTTP 503").failed("connection refused");
        assertThat(retried.state()).isEqualTo(ForwardState.PENDING);
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.lastError()).isEqualTo("connection refused");

        Forward delivered = retried.delivered("CITY-7", NOW.plusSeconds(60));

        assertThat(delivered.state()).isEqualTo(ForwardState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.acknowledgement()).isEqualTo("CITY-7");
        assertThat(delivered.deliveredAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(delivered.lastError()).isNull();
    }

    @Test
    @DisplayName("R6: a rejection is final and keeps the platform's reason")
    void rejectionIsFinal() {
        Forward rejected = forward.rejected("认定依据缺失", NOW);

        assertThat(rejected.state()).isEqualTo(ForwardState.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("认定依据缺失");
        assertThatThrownBy(() -> rejected.delivered("CITY-1", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rejected.failed("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> forward.rejected(" ", NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a delivered forward cannot be delivered again")
    void deliveredIsFinal() {
        Forward delivered = forward.delivered("CITY-1", NOW);

        assertThatThrownBy(() -> delivered.delivered("CITY-2", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("R6: overdue once the due date has passed without delivery")
    void overdue() {
        assertThat(forward.overdueOn(DUE)).isFalse();
        assertThat(forward.overdueOn(DUE.plusDays(1))).isTrue();
        assertThat(forward.delivered("CITY-1", NOW).overdueOn(DUE.plusDays(1))).isFalse();
    }

    @Test
    @DisplayName("a forward needs a platform and a payload")
    void validated() {
        assertThatThrownBy(() -> Forward.pending(UUID.randomUUID(), UUID.randomUUID(), 2, " ",
                ForwardAction.EXIT, "{}", DUE, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Forward.pending(UUID.randomUUID(), UUID.randomUUID(), 2, "city",
                ForwardAction.EXIT, "", DUE, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
