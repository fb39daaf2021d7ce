package io.creditloop.sanction.measure;

import java.util.List;

/** Measures for unit tests: version 1, fiscal-funds scenario, confirmation required, 5 working days to respond. */
public final class TestMeasures {

    private TestMeasures() {
    }

    public static Measure measure(String listType, String agency, String code, String wording, String basis) {
        return new Measure(listType, agency, code, 1, wording, basis, List.of(Scenario.FISCAL_FUNDS), null, true, 5);
    }

    /** The same, but a measure the agency applies without confirming it (closed on response, R8). */
    public static Measure withoutConfirmation(String listType, String agency, String code, String wording,
                                              String basis) {
        return new Measure(listType, agency, code, 1, wording, basis, List.of(Scenario.FISCAL_FUNDS), null, false, 5);
    }
}
