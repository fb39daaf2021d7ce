package io.creditloop.identification.subject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    @DisplayName("R3: a GB 11643-1999 ID number with a real birth date and matching check is accepted")
    void valid() {
        assertThat(IdNumber.problem("420202198001011237", TODAY)).isNull();
        assertThat(IdNumber.problem("42010219900307123x", TODAY)).isNotNull(); // X is not this one's check
        assertThat(IdNumber.problem("420102199003071232", TODAY)).isNull();
    }

    @Test
    @DisplayName("R3: wrong check, impossible or future birth date and bad shape are refused without echoing the number")
    void invalid() {
        assertThat(IdNumber.problem("420202198001011238", TODAY)).contains("check");
        assertThat(IdNumber.problem("420202198002301234", TODAY)).contains("real date");
        assertThat(IdNumber.problem("420202203001011234", TODAY)).contains("future");
        assertThat(IdNumber.problem("42020219800101123", TODAY)).contains("17 digits");
        assertThat(IdNumber.problem("420202198001011238", TODAY)).doesNotContain("420202198001011238");
    }

    @Test
    @DisplayName("R16: toString and masked() never reveal the middle of the number")
    void masking() {
        IdNumber id = IdNumber.of("420202198001011237", TODAY);
        assertThat(id.masked()).isEqualTo("420202********1237");
        assertThat(id.toString()).isEqualTo("420202********1237");
    }
}
