package io.creditloop.sharing.forward;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformClientMaskingTest {

    @Test
    @DisplayName("R16: a platform's reason that quotes an ID number is stored masked")
    void reasonsAreMasked() {
        assertThat(PlatformClient.maskIdNumbers("证件号码420102199003071232格式错误"))
                .isEqualTo("证件号码420102********1232格式错误");
        assertThat(PlatformClient.maskIdNumbers("id 42010219900307123X rejected")).doesNotContain("19900307");
        assertThat(PlatformClient.maskIdNumbers("认定依据缺失 (code 4001)")).isEqualTo("认定依据缺失 (code 4001)");
    }
}
