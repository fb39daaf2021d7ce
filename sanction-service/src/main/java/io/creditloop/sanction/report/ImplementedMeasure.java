package io.creditloop.sanction.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * R8: one task of the loop whose agency implemented its measure (实施), with the feedback it gave (反馈), and the
 * listing it was for.
 *
 * @param measureApplied the measure as the agency reports it applied; null before feedback
 */
public record ImplementedMeasure(CaseListing listing, String agencyCode, String measure, String measureApplied,
                                 String businessItem, BigDecimal amount, String explanation, Instant implementedAt) {

    public ImplementedMeasure {
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(implementedAt, "implementedAt");
    }

    /** 成效: what the agency reported, business item, amount and explanation. */
    public String effect() {
        StringBuilder effect = new StringBuilder();
        append(effect, businessItem);
        if (amount != null) {
            append(effect, "涉及金额" + amount.stripTrailingZeros().toPlainString() + "元");
        }
        append(effect, ReportMasking.idNumbersIn(explanation));
        return effect.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            if (!text.isEmpty()) {
                text.append('；');
            }
            text.append(part.strip());
        }
    }
}
