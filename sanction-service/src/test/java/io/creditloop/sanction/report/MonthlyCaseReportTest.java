package io.creditloop.sanction.report;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyCaseReportTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final YearMonth MAY = YearMonth.of(2025, 5);

    private static CaseListing listing(ListKind kind, String department, SubjectType type, String name) {
        return new CaseListing(UUID.randomUUID(), 2, department, "L", kind == ListKind.RED ? "纳税信用A级纳税人名单"
                : "失信被执行人名单", kind, type, name, type == SubjectType.ORGANISATION ? "91420200MA4KLB7Q32" : null,
                "拒不履行", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1), LocalDate.of(2026, 4, 30), null, null,
                null, null);
    }

    private static CaseListing exited(CaseListing l, ExitReason reason, LocalDate on, String note) {
        return new CaseListing(l.listingId(), 3, l.department(), l.listTypeCode(), l.listTypeName(), l.listKind(),
                l.subjectType(), l.subjectName(), l.uscc(), l.reason(), l.recognitionDate(), l.validFrom(),
                l.validUntil(), reason, on, note, on.atStartOfDay(SHANGHAI).toInstant());
    }

    private static ImplementedMeasure implemented(CaseListing l, String agency, Instant at) {
        return new ImplementedMeasure(l, agency, "限制申请财政性资金项目", "驳回财政资金申报", "2025年度专项资金",
                new BigDecimal("500000.00"), "经办人核对身份证 420102198001011234 后驳回", at);
    }

    @Test
    @DisplayName("R8 (004 annex 2 forms 1, 2): joint cases of the month by list kind; same-department and other "
            + "months left out; persons and ID numbers masked")
    void jointCases() {
        CaseListing black = listing(ListKind.BLACK, "court", SubjectType.PERSON, "王小明");
        CaseListing red = listing(ListKind.RED, "tax", SubjectType.ORGANISATION, "黄石某某贸易有限公司");
        // 23:30 on 31 May in Shanghai is May; an hour later it is June there, though still 31 May in UTC
        Instant lastEvening = Instant.parse("2025-05-31T15:30:00Z");
        Instant juneInShanghai = Instant.parse("2025-05-31T16:30:00Z");

        MonthlyCaseReport report = MonthlyCaseReport.of(MAY, "黄石市", SHANGHAI, List.of(
                implemented(black, "finance", lastEvening),
                implemented(black, "court", lastEvening),
                implemented(red, "financial-regulation", Instant.parse("2025-05-02T02:00:00Z")),
                implemented(red, "market-regulation", juneInShanghai)), List.of());

        assertThat(report.rows().get(CaseReportForm.JOINT_PUNISHMENT)).containsExactly(List.of("黄石市", "王**",
                "失信被执行人名单", "拒不履行", "", "court", "finance", "驳回财政资金申报", "2025-05-31",
                "2025年度专项资金；涉及金额500000元；经办人核对身份证 420102********1234 后驳回"));
        assertThat(report.rows().get(CaseReportForm.JOINT_REWARD)).singleElement()
                .satisfies(row -> assertThat(row).containsExactly("黄石市", "黄石某某贸易有限公司", "纳税信用A级纳税人名单",
                        "91420200MA4KLB7Q32", "tax", "financial-regulation", "驳回财政资金申报", "2025-05-02",
                        "2025年度专项资金；涉及金额500000元；经办人核对身份证 420102********1234 后驳回"));
    }

    @Test
    @DisplayName("R8, R13 (004 annex 2 forms 3, 4): repaired exits and exits by 注销/吊销 of black listings")
    void exits() {
        CaseListing repaired = exited(listing(ListKind.BLACK, "tax", SubjectType.ORGANISATION, "甲公司"),
                ExitReason.REPAIRED, LocalDate.of(2025, 5, 10), "补缴税款及滞纳金");
        CaseListing revoked = exited(listing(ListKind.BLACK, "tax", SubjectType.ORGANISATION, "乙公司"),
                ExitReason.REVOKED, LocalDate.of(2025, 5, 11), "营业执照被吊销");
        CaseListing expired = exited(listing(ListKind.BLACK, "tax", SubjectType.ORGANISATION, "丙公司"),
                ExitReason.EXPIRED, LocalDate.of(2025, 5, 12), null);
        CaseListing redRepaired = exited(listing(ListKind.RED, "tax", SubjectType.ORGANISATION, "丁公司"),
                ExitReason.REPAIRED, LocalDate.of(2025, 5, 12), null);
        CaseListing april = exited(listing(ListKind.BLACK, "tax", SubjectType.ORGANISATION, "戊公司"),
                ExitReason.REPAIRED, LocalDate.of(2025, 4, 30), null);

        MonthlyCaseReport report = MonthlyCaseReport.of(MAY, "黄石市", SHANGHAI, List.of(),
                List.of(repaired, revoked, expired, redRepaired, april));

        assertThat(report.rows().get(CaseReportForm.REPAIRED_EXIT)).containsExactly(List.of("黄石市", "甲公司",
                "失信被执行人名单", "拒不履行", "91420200MA4KLB7Q32", "2024-05-01", "2年", "tax", "2025-05-10",
                "补缴税款及滞纳金"));
        assertThat(report.rows().get(CaseReportForm.DEREGISTERED_EXIT)).containsExactly(List.of("黄石市", "乙公司",
                "失信被执行人名单", "拒不履行", "91420200MA4KLB7Q32", "2024-05-01", "吊销", "2025-05-11"));
        assertThat(report.rows().get(CaseReportForm.CREDIT_COMMITMENT)).isEmpty();
        assertThat(report.rows().get(CaseReportForm.REPAIR_TRAINING)).isEmpty();
    }

    @Test
    @DisplayName("R8 (004 annex 2): a department applying a measure to its own listing is not a joint case")
    void jointCaseRule() {
        assertThat(JointCase.isJoint("tax", "finance")).isTrue();
        assertThat(JointCase.isJoint("tax", "tax")).isFalse();
        assertThat(JointCase.isJoint(null, "tax")).isFalse();
    }

    @Test
    @DisplayName("R8 (004 annex 2 form 3): 处罚期限 as departments write it")
    void penaltyPeriod() {
        assertThat(PenaltyPeriod.of(LocalDate.of(2024, 4, 20), LocalDate.of(2026, 4, 19))).isEqualTo("2年");
        assertThat(PenaltyPeriod.of(LocalDate.of(2024, 4, 20), LocalDate.of(2024, 10, 19))).isEqualTo("6个月");
        assertThat(PenaltyPeriod.of(LocalDate.of(2024, 4, 20), LocalDate.of(2024, 4, 29))).isEqualTo("10天");
        assertThat(PenaltyPeriod.of(LocalDate.of(2024, 4, 20), null)).isEqualTo("长期");
    }

    @Test
    @DisplayName("R16: a person's name keeps its first character; ID numbers in free text keep 6 + 4 characters")
    void masking() {
        assertThat(ReportMasking.personName("张三")).isEqualTo("张*");
        assertThat(ReportMasking.personName("欧阳娜娜")).isEqualTo("欧***");
        assertThat(ReportMasking.idNumbersIn("号码11010519491231002X。")).isEqualTo("号码110105********002X。");
        assertThat(ReportMasking.idNumbersIn("旧号 420102800101123 止")).isEqualTo("旧号 420102*****1123 止");
        assertThat(ReportMasking.idNumbersIn("合同 202512345678 号")).isEqualTo("合同 202512345678 号");
    }
}
