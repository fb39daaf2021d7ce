package io.creditloop.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataReadsTest {

    @AfterEach
    void reset() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    @DisplayName("R16: an audit record never holds a whole ID number, only a masked one")
    void wholeIdNumberRefused() {
        assertThatThrownBy(() -> new PersonalDataReads.Read("listing", "x", null, "ID:RESIDENT_ID:ab",
                "42010219900307123X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalDataReads.Read("listing", "x", null, "ID:RESIDENT_ID:ab",
                "420102900307123")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PersonalDataReads.Read("listing", "x", null, "ID:RESIDENT_ID:ab", "420102********123X")
                .maskedIdNumber()).isEqualTo("420102********123X");
    }

    @Test
    @DisplayName("R16: the stated purpose is the request's purpose parameter, else the percent-decoded X-Purpose header")
    void statedPurpose() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(PersonalDataReads.statedInRequest()).isNull();

        request.addHeader(PersonalDataReads.PURPOSE_HEADER, "%E6%A0%B8%E6%9F%A5");
        assertThat(PersonalDataReads.statedInRequest()).isEqualTo("核查");

        request.setParameter("purpose", " 招投标审查 ");
        assertThat(PersonalDataReads.statedInRequest()).isEqualTo("招投标审查");
    }
}
