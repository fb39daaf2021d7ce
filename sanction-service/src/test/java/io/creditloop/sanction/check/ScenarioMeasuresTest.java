package io.creditloop.sanction.check;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioMeasuresTest {

    private static SubjectListing listing(String listType) {
        return new SubjectListing(UUID.randomUUID(), 2, "USCC:X", SubjectType.ORGANISATION, "某公司", "X", null,
                listType, listType, ListKind.BLACK, "tax", LocalDate.of(2026, 1, 1), null);
    }

    private static Measure measure(String listType, String agency, String code, Scenario... scenarios) {
        return new Measure(listType, agency, code, 1, code, "003 §11", List.of(scenarios), null, true, 5);
    }

    @Test
    @DisplayName("R9: only the measures naming the scenario apply, from every list type the subject is on")
    void scenarioOnly() {
        Map<String, List<Measure>> catalog = Map.of(
                "TAX", List.of(measure("TAX", "finance", "FUNDS", Scenario.FISCAL_FUNDS),
                        measure("TAX", "trading", "BIDDING", Scenario.PUBLIC_BIDDING, Scenario.GOVERNMENT_PROCUREMENT)),
                "COURT", List.of(measure("COURT", "transport", "FLIGHTS", Scenario.HIGH_CONSUMPTION),
                        measure("COURT", "trading", "BIDDING", Scenario.PUBLIC_BIDDING)));
        List<String> lookedUp = new ArrayList<>();

        List<Measure> applying = ScenarioMeasures.apply(
                List.of(listing("TAX"), listing("COURT"), listing("TAX")), Scenario.PUBLIC_BIDDING, code -> {
                    lookedUp.add(code);
                    return catalog.getOrDefault(code, List.of());
                });

        assertThat(applying).extracting(m -> m.listTypeCode() + "/" + m.measureCode())
                .containsExactly("COURT/BIDDING", "TAX/BIDDING");
        assertThat(lookedUp).containsExactly("TAX", "COURT");
    }

    @Test
    @DisplayName("R9: a list type without measures for the scenario adds none")
    void none() {
        assertThat(ScenarioMeasures.apply(List.of(listing("TAX")), Scenario.EXIT_ENTRY,
                code -> List.of(measure("TAX", "finance", "FUNDS", Scenario.FISCAL_FUNDS)))).isEmpty();
        assertThat(ScenarioMeasures.apply(List.of(), Scenario.EXIT_ENTRY, code -> {
            throw new AssertionError("no listing, no lookup");
        })).isEmpty();
    }
}
