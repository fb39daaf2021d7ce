package io.creditloop.messaging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchRowsTest {

    record Row(String key, long version, String value) {
    }

    @Test
    @DisplayName("an overwriting upsert keeps each key's last row, at the place of its first, the other keys in order")
    void lastPerKey() {
        List<Row> rows = List.of(new Row("a", 1, "a1"), new Row("b", 1, "b1"), new Row("a", 2, "a2"),
                new Row("c", 1, "c1"), new Row("a", 3, "a3"));

        assertThat(BatchRows.lastPerKey(rows, Row::key)).extracting(Row::value).containsExactly("a3", "b1", "c1");
    }

    @Test
    @DisplayName("a version-guarded upsert keeps each key's highest version, the first of equal versions (a stale or repeated event changes nothing)")
    void newestPerKey() {
        List<Row> rows = List.of(new Row("a", 2, "a2"), new Row("b", 1, "b1"), new Row("a", 1, "a1 stale"),
                new Row("b", 1, "b1 repeated"), new Row("a", 3, "a3"));

        assertThat(BatchRows.newestPerKey(rows, Row::key, Row::version)).extracting(Row::value)
                .containsExactly("a3", "b1");
    }

    @Test
    @DisplayName("rows with different keys are handed back as they are")
    void distinctKeysUnchanged() {
        List<Row> rows = List.of(new Row("a", 1, "a1"), new Row("b", 1, "b1"));

        assertThat(BatchRows.lastPerKey(rows, Row::key)).isSameAs(rows);
        assertThat(BatchRows.newestPerKey(rows, Row::key, Row::version)).isSameAs(rows);
    }
}
