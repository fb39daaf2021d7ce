package io.creditloop.sanction.check;

import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.Scenario;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * R9 (003 §8-15, 004 §5(三)): the measures an agency applies to a subject in one business scenario are those of the
 * catalog's versions in force for the list types the subject is on, that name the scenario. A measure of another
 * scenario is not the asking agency's business in this check, and a list type without measures adds none.
 */
public final class ScenarioMeasures {

    private ScenarioMeasures() {
    }

    /**
     * @param inForce      the subject's listings in force
     * @param measuresOf   the catalog's measures in force for a list type (looked up once per list type)
     */
    public static List<Measure> apply(List<SubjectListing> inForce, Scenario scenario,
                                      Function<String, List<Measure>> measuresOf) {
        Set<String> listTypes = new LinkedHashSet<>();
        inForce.forEach(l -> listTypes.add(l.listTypeCode()));
        Map<String, Measure> applying = new HashMap<>();
        for (String listType : listTypes) {
            for (Measure m : measuresOf.apply(listType)) {
                if (m.scenarios().contains(scenario)) {
                    applying.putIfAbsent(m.listTypeCode() + "/" + m.agencyCode() + "/" + m.measureCode(), m);
                }
            }
        }
        return applying.values().stream()
                .sorted(Comparator.comparing(Measure::listTypeCode).thenComparing(Measure::agencyCode)
                        .thenComparing(Measure::measureCode))
                .toList();
    }
}
