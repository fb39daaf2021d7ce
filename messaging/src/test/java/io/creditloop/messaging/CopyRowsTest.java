package io.creditloop.messaging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyRowsTest {

    @Test
    @DisplayName("COPY text format: tab-separated, \\N for null, backslash, tab and line ends escaped, ISO dates and instants")
    void textFormat() {
        UUID id = UUID.fromString("0b7f8c8e-3f0e-4c43-9b8e-6b1f2a9d7c11");
        CopyRows rows = new CopyRows("t", "a", "b", "c", "d", "e", "f")
                .row(id, null, "黄石\\鑫源\t公司\n第二行\r", 42L, LocalDate.of(2025, 4, 20),
                        Instant.parse("2026-12-03T11:00:00.123456Z"))
                .row(null, "plain", "", 0, true, null);

        assertThat(rows.rows()).isEqualTo(2);
        assertThat(rows.text()).isEqualTo(id + "\t\\N\t黄石\\\\鑫源\\t公司\\n第二行\\r\t42\t2025-04-20\t2026-12-03T11:00:00.123456Z\n"
                + "\\N\tplain\t\t0\ttrue\t\\N\n");
    }

    @Test
    @DisplayName("rows past the first buffer, and characters of every UTF-8 length, come out whole")
    void manyRowsAndWideCharacters() {
        CopyRows rows = new CopyRows("t", "n", "text");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            String value = "é黄石𠀀\\" + i + "\t" + "x".repeat(i % 97);
            rows.row(i, value);
            expected.append(i).append('\t').append(value.replace("\\", "\\\\").replace("\t", "\\t")).append('\n');
        }

        assertThat(rows.rows()).isEqualTo(2_000);
        assertThat(rows.text()).isEqualTo(expected.toString());
    }

    @Test
    @DisplayName("a row with the wrong number of values, or a value COPY cannot take, is refused before anything is sent")
    void refusesWrongRows() {
        assertThatThrownBy(() -> new CopyRows("t", "a", "b").row("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CopyRows("t", "a").row(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
