package io.creditloop.publication.release;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

    @Test
    @DisplayName("R7: a department's own release names the department (000 §3 自行发布); a unified one none")
    void scope() {
        assertThat(Release.problems(ReleaseKind.DEPARTMENT, " ", null, TODAY)).containsOnlyKeys("department");
        assertThat(Release.problems(ReleaseKind.UNIFIED, "tax", null, TODAY)).containsOnlyKeys("department");
        assertThat(Release.problems(ReleaseKind.DEPARTMENT, "tax", TODAY, TODAY)).isEmpty();
        assertThat(Release.problems(ReleaseKind.UNIFIED, null, TODAY.minusDays(1), TODAY)).isEmpty();
        assertThat(Release.problems(null, null, null, TODAY)).containsOnlyKeys("kind");
    }

    @Test
    @DisplayName("R7: a release cannot be cut off in the future")
    void cutOff() {
        assertThat(Release.problems(ReleaseKind.UNIFIED, null, TODAY.plusDays(1), TODAY)).containsOnlyKeys("cutOff");
    }
}
