package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepartmentNoticeTest {

    private static final Instant NOW = Instant.parse("2026-03-05T02:00:00Z");

    @Test
    @DisplayName("R6: a refused record is noticed to its recognising department with the platform's reason")
    void rejectionNoticesTheDepartment() {
        Forward rejected = forward("market-regulation").rejected("统一社会信用代码校验位错误", NOW);

        DepartmentNotice notice = DepartmentNotice.of(rejected, NOW);

        assertThat(notice.department()).isEqualTo("market-regulation");
        assertThat(notice.reason()).isEqualTo("统一社会信用代码校验位错误");
        assertThat(notice.forwardId()).isEqualTo(rejected.forwardId());
        assertThat(notice.platform()).isEqualTo("city");
    }

    @Test
    @DisplayName("R6: a forward recorded before departments were kept is noticed to the credit office")
    void unknownDepartmentGoesToTheCreditOffice() {
        assertThat(DepartmentNotice.of(forward(null).rejected("x", NOW), NOW).department())
                .isEqualTo(DepartmentNotice.UNKNOWN_DEPARTMENT);
    }

    @Test
    @DisplayName("only a rejected forward makes a notice")
    void onlyRejections() {
        assertThatThrownBy(() -> DepartmentNotice.of(forward("tax").delivered("CITY-1", NOW), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Forward forward(String department) {
        return Forward.pending(UUID.randomUUID(), UUID.randomUUID(), 2, "city", ForwardAction.LISTING, "{}",
                LocalDate.of(2026, 3, 9), NOW, department);
    }
}
