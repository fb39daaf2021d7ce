package io.creditloop.contracts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dept-tax-000123", "3f2b8c1e-7d4a-4e0b-9a51-2c6d8e0f1a2b", "A.b_C-12",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    @DisplayName("a well-formed id the caller sent is kept as it is")
    void wellFormedKept(String id) {
        assertThat(RequestIds.isWellFormed(id)).isTrue();
        assertThat(RequestIds.orFresh(id)).isSameAs(id);
        assertThat(RequestIds.orNone(id)).isSameAs(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "bad id; drop table", "req-1\nforged: log line", "req-1\r\nX-Evil: 1",
            "${jndi:ldap://x/a}", "req-'1'--comment", "<script>alert(1)</script>", "req-１２３４５６７８",
            "req-\u0000-00000", "01234567890123456789012345678901234567890123456789012345678901234"})
    @DisplayName("an id too short, too long, with control characters, spaces, quotes or any other character is replaced by a fresh UUID")
    void malformedReplaced(String id) {
        assertThat(RequestIds.isWellFormed(id)).isFalse();
        assertThat(RequestIds.orNone(id)).isNull();
        String replaced = RequestIds.orFresh(id);
        assertThat(replaced).isNotEqualTo(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(RequestIds.isWellFormed(replaced)).isTrue();
    }

    @Test
    @DisplayName("none given: a fresh id; two fresh ids differ")
    void freshIds() {
        assertThat(RequestIds.orFresh(null)).hasSize(36);
        assertThat(RequestIds.orNone(null)).isNull();
        assertThat(RequestIds.fresh()).isNotEqualTo(RequestIds.fresh());
    }
}
