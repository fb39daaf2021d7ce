package io.creditloop.publication.board;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberKeysTest {

    private final IdNumberKeys keys = new IdNumberKeys("a-secret-of-sixteen-or-more");

    @Test
    @DisplayName("R16: an ID number is found by a keyed hash that does not contain it; case and spaces do not matter")
    void keyedHash() {
        String key = keys.of("42010219900101123x");

        assertThat(key).hasSize(64).doesNotContain("42010219900101123");
        assertThat(keys.of(" 42010219900101123X ")).isEqualTo(key);
        assertThat(keys.of("420102199001011231")).isNotEqualTo(key);
        assertThat(new IdNumberKeys("another-secret-of-sixteen").of("42010219900101123X")).isNotEqualTo(key);
        assertThat(keys.of(null)).isNull();
    }

    @Test
    @DisplayName("R16: only a text shaped like a resident ID number is hashed for a search")
    void shape() {
        assertThat(IdNumberKeys.looksLikeIdNumber("42010219900101123x")).isTrue();
        assertThat(IdNumberKeys.looksLikeIdNumber("420102900101123")).isTrue();
        assertThat(IdNumberKeys.looksLikeIdNumber("91420200MA4KXXXX1A")).isFalse();
        assertThat(IdNumberKeys.looksLikeIdNumber("张三")).isFalse();
    }

    @Test
    @DisplayName("R16: a short secret is refused")
    void shortSecret() {
        assertThatThrownBy(() -> new IdNumberKeys("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
