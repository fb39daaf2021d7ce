package io.creditloop.sanction.measure;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasureTest {

    @Test
    @DisplayName("R9: a measure names its list type, agency, code, wording and legal basis")
    void everyPartIsRequired() {
        assertThatThrownBy(() -> new Measure("TAX_A_GRADE", "market-regulation", "GREEN_CHANNEL", 1, "绿色通道", " ",
                List.of(Scenario.ADMINISTRATIVE_LICENSING), null, true, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("legalBasis");
        assertThatThrownBy(() -> new Measure("TAX_A_GRADE", null, "GREEN_CHANNEL", 1, "绿色通道", "003 §8",
                List.of(Scenario.ADMINISTRATIVE_LICENSING), null, true, 5))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("agencyCode");
    }

    @Test
    @DisplayName("R9: a measure applies in at least one scenario and has a response deadline of 1 to 60 working days")
    void scenariosAndDeadline() {
        assertThatThrownBy(() -> new Measure("TAX_A_GRADE", "market-regulation", "GREEN_CHANNEL", 1, "绿色通道",
                "003 §8", List.of(), null, true, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scenarios");
        assertThatThrownBy(() -> new Measure("TAX_A_GRADE", "market-regulation", "GREEN_CHANNEL", 1, "绿色通道",
                "003 §8", List.of(Scenario.ADMINISTRATIVE_LICENSING), null, true, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("responseWorkingDays");
    }
}
