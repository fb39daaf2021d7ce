package io.creditloop.sanction.measure;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasureTest {

    @Test
    @DisplayName("R9: a measure names its list type, agency, code, wording and legal basis")
    void everyPartIsRequired() {
        assertThatThrownBy(() -> new Measure("TAX_A_GRADE", "market-regulation", "GREEN_CHANNEL", "绿色通道", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("legalBasis");
        assertThatThrownBy(() -> new Measure("TAX_A_GRADE", null, "GREEN_CHANNEL", "绿色通道", "003 §8"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("agencyCode");
    }
}
