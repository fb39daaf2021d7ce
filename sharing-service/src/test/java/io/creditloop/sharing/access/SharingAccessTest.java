package io.creditloop.sharing.access;

import io.creditloop.security.Caller;
import io.creditloop.security.CallerRefused;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharingAccessTest {

    private static final Caller TAX = Caller.department("tax", "tax-system");
    private static final Caller MARKET = Caller.department("market", "market-system");
    private static final Caller COURT = Caller.agency("court", "court-system");
    private static final Caller FINANCE = Caller.agency("finance", "finance-system");
    private static final Caller OFFICE = Caller.creditOffice("wang");

    @Test
    @DisplayName("R16 谁认定、谁负责: an upstream platform's lists come from its own system or the credit office")
    void upstreamPlatform() {
        assertThatCode(() -> SharingAccess.requirePlatform(COURT, "court")).doesNotThrowAnyException();
        assertThatCode(() -> SharingAccess.requirePlatform(OFFICE, "national")).doesNotThrowAnyException();
        assertThatThrownBy(() -> SharingAccess.requirePlatform(FINANCE, "court")).isInstanceOf(CallerRefused.class);
        assertThatThrownBy(() -> SharingAccess.requirePlatform(TAX, "court")).isInstanceOf(CallerRefused.class);
        assertThatThrownBy(() -> SharingAccess.requirePlatform(COURT, "national")).isInstanceOf(CallerRefused.class);
        assertThatThrownBy(() -> SharingAccess.requirePlatform(Caller.PUBLIC, "court"))
                .isInstanceOf(CallerRefused.class);
    }

    @Test
    @DisplayName("R16, R6: a listing's forwards for its own department and the credit office; the board of all forwards "
            + "for the credit office only")
    void forwards() {
        assertThatCode(() -> SharingAccess.requireForwardsOf(TAX, List.of("tax", "tax"))).doesNotThrowAnyException();
        assertThatCode(() -> SharingAccess.requireForwardsOf(OFFICE, List.of("tax"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> SharingAccess.requireForwardsOf(MARKET, List.of("tax")))
                .isInstanceOf(CallerRefused.class);
        assertThatThrownBy(() -> SharingAccess.requireForwardsOf(FINANCE, List.of())).isInstanceOf(CallerRefused.class);
        assertThatCode(() -> SharingAccess.requireDepartment(TAX, "tax")).doesNotThrowAnyException();
        assertThatThrownBy(() -> SharingAccess.requireDepartment(MARKET, "tax")).isInstanceOf(CallerRefused.class);
        assertThatThrownBy(() -> SharingAccess.requireCreditOffice(TAX)).isInstanceOf(CallerRefused.class);
        assertThatCode(() -> SharingAccess.requireCreditOffice(Caller.internal("test"))).doesNotThrowAnyException();
    }
}
