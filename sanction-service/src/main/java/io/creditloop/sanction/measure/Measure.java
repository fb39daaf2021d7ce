package io.creditloop.sanction.measure;

import java.util.List;
import java.util.Objects;

/**
 * R9: one version of one row of the joint reward and punishment measures list (联合奖惩措施清单): which enforcing
 * agency applies which measure to subjects of which list type, on which legal basis, in which business scenarios,
 * whether it must confirm it applied it, and how many working days it has to respond to a task.
 *
 * @param listTypeCode         catalog code of the list type, e.g. {@code TAX_MAJOR_VIOLATION}
 * @param agencyCode           the enforcing agency (联动部门), also the suffix of its task and response topics
 * @param measureCode          stable code of the measure, e.g. {@code RESTRICT_FISCAL_FUNDS}
 * @param version              the catalog version of this measure; every revision is a new one (R9, 003 §17)
 * @param measure              the measure as the agency reads it, e.g. 限制申请财政性资金项目
 * @param legalBasis           the memorandum or document and section the measure rests on
 * @param scenarios            the business scenarios it applies in; at least one
 * @param scenarioNote         what the fixed vocabulary does not say, free text; may be null
 * @param confirmationRequired whether the agency must confirm it applied the measure (implement, feedback)
 * @param responseWorkingDays  working days an agency has to respond to a task under this measure
 */
public record Measure(String listTypeCode, String agencyCode, String measureCode, int version, String measure,
                      String legalBasis, List<Scenario> scenarios, String scenarioNote, boolean confirmationRequired,
                      int responseWorkingDays) {

    public Measure {
        requireText(listTypeCode, "listTypeCode");
        requireText(agencyCode, "agencyCode");
        requireText(measureCode, "measureCode");
        requireText(measure, "measure");
        requireText(legalBasis, "legalBasis");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        scenarios = List.copyOf(Objects.requireNonNull(scenarios, "scenarios"));
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("scenarios must name at least one scenario");
        }
        if (responseWorkingDays < MeasureRules.MIN_RESPONSE_DAYS
                || responseWorkingDays > MeasureRules.MAX_RESPONSE_DAYS) {
            throw new IllegalArgumentException("responseWorkingDays must be " + MeasureRules.MIN_RESPONSE_DAYS + ".."
                    + MeasureRules.MAX_RESPONSE_DAYS + ": " + responseWorkingDays);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
