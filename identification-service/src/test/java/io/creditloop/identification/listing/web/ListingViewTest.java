package io.creditloop.identification.listing.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ListingViewTest {

    @ParameterizedTest
    @CsvSource({
            "420102199003071232, 420102********1232",
            "420102900307123, 420102*****7123",
            "E12345678, *******78",
            "G1234567890, *********90",
            "AB, **"})
    @DisplayName("R16: no ID number, of any length, is shown whole in the API")
    void masking(String id, String shown) {
        assertThat(ListingView.maskedIdNumber(id)).isEqualTo(shown);
    }
}
