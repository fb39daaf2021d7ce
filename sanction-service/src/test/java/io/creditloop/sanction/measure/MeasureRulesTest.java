package io.creditloop.sanction.measure;

import io.creditloop.sanction.FieldProblem;
import io.creditloop.sanction.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MeasureRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private static MeasureDraft draft(Integer expectedVersion) {
        return new MeasureDraft("wage_arrears", " Finance ", "restrict_fiscal_funds", "限制申请财政性资金项目",
                "《江阴市……实施意见》（十一） [003 §11]", List.of("fiscal_funds", "FISCAL_FUNDS"), "专项资金", true, 5,
                "信用办 王五", "首次发布", expectedVersion);
    }

    @Test
    @DisplayName("R9: a new measure is version 1, its codes normalised, its scenarios from the fixed vocabulary")
    void firstVersion() {
        MeasureVersion published = MeasureRules.revise(draft(null), Optional.empty(), NOW);

        Measure m = published.measure();
        assertThat(m.listTypeCode()).isEqualTo("WAGE_ARREARS");
        assertThat(m.agencyCode()).isEqualTo("finance");
        assertThat(m.measureCode()).isEqualTo("RESTRICT_FISCAL_FUNDS");
        assertThat(m.version()).isEqualTo(1);
        assertThat(m.scenarios()).containsExactly(Scenario.FISCAL_FUNDS);
        assertThat(m.confirmationRequired()).isTrue();
        assertThat(m.responseWorkingDays()).isEqualTo(5);
        assertThat(published.withdrawn()).isFalse();
        assertThat(published.publishedBy()).isEqualTo("信用办 王五");
        assertThat(published.publishedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("R9 (003 §17): a revision is the next version; the one it revised stays as it was")
    void revisionIsNextVersion() {
        MeasureVersion first = MeasureRules.revise(draft(null), Optional.empty(), NOW);

        MeasureVersion second = MeasureRules.revise(draft(1), Optional.of(first), NOW.plusSeconds(60));

        assertThat(second.measure().version()).isEqualTo(2);
        assertThat(first.measure().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("R9: a revision of an outdated version is refused, so no edit is lost")
    void outdatedRevision() {
        MeasureVersion first = MeasureRules.revise(draft(null), Optional.empty(), NOW);
        MeasureVersion second = MeasureRules.revise(draft(1), Optional.of(first), NOW);

        assertThatThrownBy(() -> MeasureRules.revise(draft(1), Optional.of(second), NOW))
                .isInstanceOf(OutdatedRevisionException.class).hasMessageContaining("version 2");
    }

    @Test
    @DisplayName("R9 (003 §16): an entry without basis, scenario, confirmation flag or deadline is refused, field by field")
    void incompleteDraft() {
        MeasureDraft incomplete = new MeasureDraft("WAGE_ARREARS", "fin.ance", "RESTRICT_FISCAL_FUNDS", "限制",
                " ", List.of("LOTTERY"), null, null, 0, "信用办", null, null);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> MeasureRules.revise(incomplete, Optional.empty(), NOW));

        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("agencyCode", "legalBasis",
                "scenarios[0]", "confirmationRequired", "responseWorkingDays");
    }

    @Test
    @DisplayName("R9: withdrawing publishes a withdrawn next version that keeps the wording; a withdrawn one cannot be withdrawn")
    void withdraw() {
        MeasureVersion first = MeasureRules.revise(draft(null), Optional.empty(), NOW);

        MeasureVersion withdrawn = MeasureRules.withdraw(Optional.of(first), "WAGE_ARREARS", "finance",
                "RESTRICT_FISCAL_FUNDS", "信用办", "备忘录废止", NOW);

        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn.measure().version()).isEqualTo(2);
        assertThat(withdrawn.measure().measure()).isEqualTo(first.measure().measure());
        assertThatThrownBy(() -> MeasureRules.withdraw(Optional.of(withdrawn), "WAGE_ARREARS", "finance",
                "RESTRICT_FISCAL_FUNDS", "信用办", null, NOW)).isInstanceOf(MeasureNotFoundException.class);
    }
}
