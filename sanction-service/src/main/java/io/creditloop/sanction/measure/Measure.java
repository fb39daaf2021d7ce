package io.creditloop.sanction.measure;

import java.util.Objects;

/**
 * R9: one row of the joint reward and punishment measures list (联合奖惩措施清单): which enforcing agency applies
 * which measure to subjects of which list type, on which legal basis.
 *
 * @param listTypeCode catalog code of the list type, e.g. {@code TAX_MAJOR_VIOLATION}
 * @param agencyCode   the enforcing agency (联动部门), also the suffix of its task and response topics
 * @param measureCode  stable code of the measure, e.g. {@code RESTRICT_FISCAL_FUNDS}
 * @param measure      the measure as the agency reads it, e.g. 限制申请财政性资金项目
 * @param legalBasis   the document and section the measure rests on
 */
public record Measure(String listTypeCode, String agencyCode, String measureCode, String measure, String legalBasis) {

    public Measure {
        requireText(listTypeCode, "listTypeCode");
        requireText(agencyCode, "agencyCode");
        requireText(measureCode, "measureCode");
        requireText(measure, "measure");
        requireText(legalBasis, "legalBasis");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
