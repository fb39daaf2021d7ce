package io.creditloop.identification.subject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationCodeAndLeiTest {

    @Test
    @DisplayName("R3: GB 11714 organisation codes are checked, with or without the hyphen, X and 0 checks included")
    void organisationCode() {
        assertThat(OrganisationCode.problem("MA4KLB7Q4")).isNull();
        assertThat(OrganisationCode.problem("MA4KLB7Q-4")).isNull();
        assertThat(OrganisationCode.problem("12345678-8")).isNull();
        assertThat(OrganisationCode.problem("MA4KLB7Q3")).contains("expected 4");
        assertThat(OrganisationCode.problem("MA4KLB7")).contains("8 digits");
    }

    @Test
    @DisplayName("R3: LEIs (ISO 17442) pass MOD 97-10; a changed character or check digit fails")
    void lei() {
        assertThat(Lei.problem("5493001KJTIIGC8Y1R12")).isNull();
        assertThat(Lei.problem("529900t8bm49aursdo55")).isNull();
        assertThat(Lei.problem("5493001KJTIIGC8Y1R13")).contains("check");
        assertThat(Lei.problem("5493001KJTIIGC8Y1R1")).contains("18");
    }

    @Test
    @DisplayName("R3: a pilot USCC whose only fault is its check character is recognised as such")
    void pilotUscc() {
        assertThat(Uscc.onlyCheckCharacterWrong("91420200MA4KLB7Q33")).isTrue();
        assertThat(Uscc.onlyCheckCharacterWrong("91420200MA4KLB7Q32")).isFalse();
        assertThat(Uscc.onlyCheckCharacterWrong("9142A200MA4KLB7Q33")).isFalse();
        assertThat(Uscc.of("91420200MA4KLB7Q45").organisationCode()).isEqualTo("MA4KLB7Q4");
    }
}
