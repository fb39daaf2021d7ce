package io.creditloop.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 9, hostile input: control characters are refused, ordinary text (with tabs and line breaks) is not. */
class ControlCharactersTest {

    @Test
    void findsControlCharactersButNotTabsAndLineBreaks() {
        assertThat(ControlCharacters.find("黄石市\t第一行\r\n第二行")).isEqualTo(-1);
        assertThat(ControlCharacters.find(null)).isEqualTo(-1);
        assertThat(ControlCharacters.find("ab\u0000")).isEqualTo(2);
        assertThat(ControlCharacters.find("\u001b[31m")).isZero();
        assertThat(ControlCharacters.find("x\u007f")).isEqualTo(1);
    }

    @Test
    void jsonTextsWithAControlCharacterAreRefusedNamingTheField() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new SimpleModule()
                .addDeserializer(String.class, new ControlCharacters.Strings()));
        assertThatThrownBy(() -> json.readValue("{\"reason\":\"偷税\\u0000\"}", Reason.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("reason")
                .hasMessageNotContaining("偷税");
        assertThat(json.readValue("{\"reason\":\"偷税\\n漏税\"}", Reason.class).reason()).isEqualTo("偷税\n漏税");
        assertThat(json.readValue("{\"a\":\"b\"}", Map.class)).containsEntry("a", "b");
    }

    record Reason(String reason) {
    }
}
