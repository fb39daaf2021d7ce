package io.creditloop.sanction.report;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * R8 (004 §5(三), annex 2): the monthly case report, made from the recorded loop, never typed in.
 * <ul>
 *   <li>forms 1 and 2: every measure implemented in the month on a black (1) or red (2) listing by an agency other
 *   than the recognising department ({@link JointCase}); 惩戒/奖励时间 is the day it was implemented</li>
 *   <li>form 3: black listings that exited after credit repair (R12, R13 exit REPAIRED) in the month</li>
 *   <li>form 4: black listings that exited by deregistration or licence revocation ({@link DeregisteredExit})</li>
 *   <li>forms 5 and 6: credit commitments and repair training are not recorded by the loop; the forms are given
 *   with their columns, for the office to add what it learns elsewhere</li>
 * </ul>
 * Rows hold the cells after 序号, which the workbook numbers.
 */
public record MonthlyCaseReport(YearMonth month, String region, Map<CaseReportForm, List<List<String>>> rows) {

    public MonthlyCaseReport {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(region, "region");
        rows = Collections.unmodifiableMap(new EnumMap<>(rows));
    }

    public static MonthlyCaseReport of(YearMonth month, String region, ZoneId zone,
                                       List<ImplementedMeasure> implemented, List<CaseListing> exits) {
        Map<CaseReportForm, List<List<String>>> rows = new EnumMap<>(CaseReportForm.class);
        for (CaseReportForm form : CaseReportForm.values()) {
            rows.put(form, new ArrayList<>());
        }
        for (ImplementedMeasure m : implemented) {
            LocalDate day = LocalDate.ofInstant(m.implementedAt(), zone);
            CaseListing l = m.listing();
            if (!YearMonth.from(day).equals(month) || !JointCase.isJoint(l.department(), m.agencyCode())) {
                continue;
            }
            String measure = m.measureApplied() != null && !m.measureApplied().isBlank() ? m.measureApplied()
                    : m.measure();
            if (l.listKind() == ListKind.BLACK) {
                rows.get(CaseReportForm.JOINT_PUNISHMENT).add(cells(region, reported(l), l.listTypeName(),
                        l.reason(), l.uscc(), l.department(), m.agencyCode(), measure, day.toString(), m.effect()));
            } else if (l.listKind() == ListKind.RED) {
                rows.get(CaseReportForm.JOINT_REWARD).add(cells(region, reported(l), l.listTypeName(), l.uscc(),
                        l.department(), m.agencyCode(), measure, day.toString(), m.effect()));
            }
        }
        for (CaseListing l : exits) {
            if (l.listKind() != ListKind.BLACK || l.exitDate() == null || !YearMonth.from(l.exitDate()).equals(month)) {
                continue;
            }
            String punished = l.recognitionDate() == null ? "" : l.recognitionDate().toString();
            if (l.exitReason() == ExitReason.REPAIRED) {
                String why = l.exitNote() != null && !l.exitNote().isBlank() ? l.exitNote() : "信用修复";
                rows.get(CaseReportForm.REPAIRED_EXIT).add(cells(region, reported(l), l.listTypeName(),
                        l.reason(), l.uscc(), punished, PenaltyPeriod.of(l.validFrom(), l.validUntil()),
                        l.department(), l.exitDate().toString(), why));
            } else {
                DeregisteredExit.kind(l.exitReason(), l.exitNote()).ifPresent(kind ->
                        rows.get(CaseReportForm.DEREGISTERED_EXIT).add(cells(region, reported(l),
                                l.listTypeName(), l.reason(), l.uscc(), punished, kind, l.exitDate().toString())));
            }
        }
        return new MonthlyCaseReport(month, region, rows);
    }

    /** R16: a person's name masked, whatever was stored (masking a masked name changes nothing). */
    private static String reported(CaseListing l) {
        return l.subjectType() == SubjectType.PERSON ? ReportMasking.personName(l.subjectName()) : l.subjectName();
    }

    private static List<String> cells(String... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (String value : values) {
            cells.add(value == null ? "" : value);
        }
        return List.copyOf(cells);
    }
}
