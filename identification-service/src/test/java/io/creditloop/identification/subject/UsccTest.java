package io.creditloop.identification.subject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91420200MA4KLB7Q32", "91320583MA1N0RWX7A", " 91420200ma4klb7q32 ", "11100000000013127D"})
    @DisplayName("R3: a USCC whose GB 32100-2015 check character matches is accepted")
    void validCodes(String code) {
        assertThat(Uscc.problem(code)).isNull();
        assertThat(Uscc.of(code).value()).hasSize(18).isUpperCase();
    }

    @Test
    @DisplayName("R3: a wrong check character is refused and the expected one is named")
    void wrongCheckCharacter() {
        assertThat(Uscc.problem("91420200MA4KLB7Q33")).contains("expected 2");
        assertThatThrownBy(() -> Uscc.of("91420200MA4KLB7Q33")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    @DisplayName("R3: length, alphabet and division-code errors are told apart")
    void structuralErrors() {
        assertThat(Uscc.problem("9142020")).contains("18");
        assertThat(Uscc.problem("91420200MA4KLB7QI2")).contains("character 17");
        assertThat(Uscc.problem("9142A200MA4KLB7Q32")).contains("characters 3-8");
        assertThat(Uscc.problem("")).contains("empty");
        assertThat(Uscc.problem(null)).contains("empty");
    }

    @Test
    void checkCharacterComputation() {
        assertThat(Uscc.checkCharacter("91420200MA4KLB7Q3")).isEqualTo('2');
        assertThat(Uscc.checkCharacter("91320583MA1N0RWX7")).isEqualTo('A');
    }
}
