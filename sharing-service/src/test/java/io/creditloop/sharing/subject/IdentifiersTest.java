package io.creditloop.sharing.subject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @Test
    @DisplayName("GB 32100: the published example code passes, one changed character fails its check")
    void usccCheckCharacter() {
        assertThat(Uscc.problem("91420200MA4KLB7Q32")).isNull();
        assertThat(Uscc.problem("91420200ma4klb7q32 ")).isNull();
        assertThat(Uscc.problem("91420200MA4KLB7Q33")).contains("check character");
        assertThat(Uscc.problem("91420200MA4KLB7Q3")).contains("18 characters");
        assertThat(Uscc.problem("91420200MA4KLB7QO2")).contains("not allowed");
    }

    @Test
    @DisplayName("GB 11643: MOD 11-2 check character and a real birth date; problems never quote the number")
    void idNumberCheck() {
        String id = Identifiers.idNumber();
        assertThat(IdNumber.problem(id, TODAY)).isNull();
        assertThat(IdNumber.problem(Identifiers.withWrongCheck(id), TODAY)).contains("check character");
        assertThat(IdNumber.problem("420102199002301234", TODAY)).contains("not a real date");
        assertThat(IdNumber.problem("4.20102E+17", TODAY)).contains("17 digits").doesNotContain("4.2");
        assertThat(IdNumber.problem("11010519491231002X", TODAY)).isNull();
    }

    @Test
    @DisplayName("R16: an ID number is shown as its first 6 and last 4 characters, also inside free text")
    void masking() {
        assertThat(Masking.idNumber("420102199001011234")).isEqualTo("420102********1234");
        assertThat(Masking.idNumber("12345")).isEqualTo("*****");
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.text("张三 420102199001011234 已移出")).isEqualTo("张三 420102********1234 已移出");
    }

    @Test
    @DisplayName("R16: a person's subject key is the keyed hash identification-service uses, never the number")
    void personKeys() {
        PersonKeys keys = new PersonKeys("creditloop-development-only-subject-key");
        String key = keys.residentId("11010519491231002x");
        assertThat(key).startsWith("ID:RESIDENT_ID:").doesNotContain("110105").hasSize("ID:RESIDENT_ID:".length() + 64);
        assertThat(keys.residentId(" 11010519491231002X")).isEqualTo(key);
        assertThat(new PersonKeys("another-secret-of-16+").residentId("11010519491231002X")).isNotEqualTo(key);
    }
}
