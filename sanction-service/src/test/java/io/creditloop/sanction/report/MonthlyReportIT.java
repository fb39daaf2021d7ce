package io.creditloop.sanction.report;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.sanction.task.web.TaskView;
import io.creditloop.testsupport.ListingEventsFixture;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R8 (004 §5(三), annex 2): the monthly case report is made from the recorded loop: tasks implemented and fed back,
 * and exits, in the month (2025-05 here, a month no other test uses), and read back with POI.
 */
class MonthlyReportIT extends ServiceITSupport {

    @Autowired
    ListingEventsFixture listings;

    private AnswersOverRest agencies() {
        return new AnswersOverRest(http, codec);
    }

    private List<TaskView> confirm(UUID listingId, ListType type, Subject subject, int tasks) {
        listings.send(listings.confirmed(listingId, type, subject, type.kind().name().equals("RED") ? "连续三年纳税信用A级"
                : "拒不履行生效法律文书确定的义务"));
        List<TaskView> inForce = awaitTasksInForce(listingId, tasks).tasks();
        eventually().until(() -> jdbc.sql("SELECT count(*) FROM case_listing WHERE listing_id = :id")
                .param("id", listingId).query(Long.class).single() == 1);
        return inForce;
    }

    private static TaskView of(List<TaskView> tasks, String agency) {
        return tasks.stream().filter(t -> t.agencyCode().equals(agency)).findFirst().orElseThrow();
    }

    private void exit(UUID listingId, Subject subject, ExitReason reason, LocalDate on, String note) {
        Instant at = on.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        listings.send(Envelope.of("/identification-service", EventTypes.LISTING_EXITED, at, subject.key(),
                new ListingExited(listingId, 3, Listings.TAX_MAJOR_VIOLATION, subject, "tax", reason, on, note, at)));
        eventually().until(() -> jdbc.sql("SELECT count(*) FROM case_listing WHERE listing_id = :id "
                + "AND exit_date IS NOT NULL").param("id", listingId).query(Long.class).single() == 1);
    }

    @Test
    @DisplayName("R8: the six forms of 004 annex 2 for a month, filled from the loop: joint punishments and rewards by "
            + "other agencies, repaired and deregistered exits; persons masked")
    void sixFormsFromTheLoop() throws Exception {
        Subject company = ListingEventsFixture.organisation();
        Subject person = ListingEventsFixture.person("王小明");
        Subject redCompany = ListingEventsFixture.organisation();
        UUID black = UUID.randomUUID();
        UUID court = UUID.randomUUID();
        UUID red = UUID.randomUUID();

        List<TaskView> blackTasks = confirm(black, Listings.TAX_MAJOR_VIOLATION, company, 3);
        List<TaskView> courtTasks = confirm(court, Listings.COURT_DEFAULTER, person, 5);
        List<TaskView> redTasks = confirm(red, Listings.TAX_A_GRADE, redCompany, 3);

        AnswersOverRest agencies = agencies();
        // in May: finance fed back on the tax listing, transport implemented on the court's, market regulation
        // implemented the red measure; public resource trading only responded; market regulation implemented the
        // black measure in June
        agencies.feedBack(of(blackTasks, "finance"), Instant.parse("2025-05-12T02:00:00Z"), "限制申请财政性资金项目",
                "2025年度工业发展专项资金", new BigDecimal("500000"), "驳回申报");
        agencies.implement(of(courtTasks, "transport"), Instant.parse("2025-05-15T02:00:00Z"), "限制购买高铁票");
        agencies.implement(of(redTasks, "market-regulation"), Instant.parse("2025-05-20T02:00:00Z"), "容缺受理营业执照变更");
        agencies.respond(of(blackTasks, "public-resource-trading"), Instant.parse("2025-05-13T02:00:00Z"));
        agencies.implement(of(blackTasks, "market-regulation"), Instant.parse("2025-06-02T02:00:00Z"), "生产许可证");

        Subject repaired = ListingEventsFixture.organisation();
        Subject revoked = ListingEventsFixture.organisation();
        UUID repairedId = UUID.randomUUID();
        UUID revokedId = UUID.randomUUID();
        confirm(repairedId, Listings.TAX_MAJOR_VIOLATION, repaired, 3);
        confirm(revokedId, Listings.TAX_MAJOR_VIOLATION, revoked, 3);
        exit(repairedId, repaired, ExitReason.REPAIRED, LocalDate.of(2025, 5, 8), "补缴税款及滞纳金");
        exit(revokedId, revoked, ExitReason.REVOKED, LocalDate.of(2025, 5, 9), "营业执照被吊销");

        ResponseEntity<byte[]> response = http.getForEntity("/api/sanction/reports/monthly/2025-05.xlsx",
                byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).hasToString(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
            for (CaseReportForm form : CaseReportForm.values()) {
                Sheet sheet = workbook.getSheet(form.sheetName());
                assertThat(sheet).as(form.sheetName()).isNotNull();
                assertThat(text(sheet.getRow(0)).get(0)).startsWith(form.title());
                assertThat(text(sheet.getRow(1))).containsExactlyElementsOf(form.columns());
            }
            List<List<String>> punished = rows(workbook.getSheet(CaseReportForm.JOINT_PUNISHMENT.sheetName()));
            assertThat(punished).hasSize(2);
            assertThat(punished.get(0)).containsExactly("1", "本市", company.name(), "重大税收违法案件当事人名单",
                    "拒不履行生效法律文书确定的义务", company.uscc(), "tax", "finance", "限制申请财政性资金项目",
                    "2025-05-12", "2025年度工业发展专项资金；涉及金额500000元；驳回申报");
            assertThat(punished.get(1)).startsWith("2", "本市", "王**", "失信被执行人名单");
            assertThat(punished.get(1)).contains("court", "transport", "限制乘坐飞机高铁", "2025-05-15",
                    "限制购买高铁票");
            List<List<String>> rewarded = rows(workbook.getSheet(CaseReportForm.JOINT_REWARD.sheetName()));
            assertThat(rewarded).singleElement().satisfies(row -> assertThat(row).containsExactly("1", "本市",
                    redCompany.name(), "纳税信用A级纳税人名单", redCompany.uscc(), "tax", "market-regulation",
                    "绿色通道/容缺受理", "2025-05-20", "容缺受理营业执照变更"));
            assertThat(rows(workbook.getSheet(CaseReportForm.REPAIRED_EXIT.sheetName()))).singleElement()
                    .satisfies(row -> assertThat(row).contains(repaired.name(), "2025-05-08", "补缴税款及滞纳金",
                            "tax"));
            assertThat(rows(workbook.getSheet(CaseReportForm.DEREGISTERED_EXIT.sheetName()))).singleElement()
                    .satisfies(row -> assertThat(row).contains(revoked.name(), "吊销", "2025-05-09"));
            assertThat(rows(workbook.getSheet(CaseReportForm.CREDIT_COMMITMENT.sheetName()))).isEmpty();
            assertThat(rows(workbook.getSheet(CaseReportForm.REPAIR_TRAINING.sheetName()))).isEmpty();
            String everything = all(workbook);
            assertThat(everything).doesNotContain("王小明", person.idNumber(), company.legalRepresentative());
        }
    }

    @Test
    @DisplayName("R8: a month that is not yyyy-MM is a 400 problem")
    void badMonth() {
        ResponseEntity<String> response = http.getForEntity("/api/sanction/reports/monthly/2025-13.xlsx",
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            rows.add(text(sheet.getRow(r)));
        }
        return rows;
    }

    private static List<String> text(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
        }
        return cells;
    }

    private static String all(Workbook workbook) {
        StringBuilder text = new StringBuilder();
        workbook.forEach(sheet -> sheet.forEach(row -> text.append(String.join("|", text(row))).append('\n')));
        return text.toString();
    }
}
