package io.creditloop.sanction.report;

import java.time.LocalDate;
import java.time.Period;

/**
 * 004 annex 2 form 3 处罚期限: the listing's validity as departments write it ("2年", "6个月", "长期"), from its
 * first and last day in force (inclusive).
 */
public final class PenaltyPeriod {

    private PenaltyPeriod() {
    }

    public static String of(LocalDate validFrom, LocalDate validUntil) {
        if (validUntil == null) {
            return "长期";
        }
        if (validFrom == null) {
            return "至" + validUntil;
        }
        Period period = Period.between(validFrom, validUntil.plusDays(1));
        if (period.getDays() == 0 && period.getMonths() == 0) {
            return period.getYears() + "年";
        }
        if (period.getDays() == 0) {
            return period.toTotalMonths() + "个月";
        }
        return (validUntil.toEpochDay() - validFrom.toEpochDay() + 1) + "天";
    }
}
