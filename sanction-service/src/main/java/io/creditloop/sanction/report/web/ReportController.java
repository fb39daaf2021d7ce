package io.creditloop.sanction.report.web;

import io.creditloop.sanction.FieldProblem;
import io.creditloop.sanction.InvalidInputException;
import io.creditloop.sanction.report.CaseReportWorkbook;
import io.creditloop.sanction.report.MonthlyCaseReport;
import io.creditloop.sanction.report.ReportReminder;
import io.creditloop.sanction.report.ReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

@RestController
@RequestMapping("/api/sanction/reports")
@Tag(name = "monthly case report", description = "R8: the six forms of 004 annex 2 from the recorded loop")
class ReportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/monthly/{month}.xlsx")
    @Operation(summary = "The monthly case report (联合奖惩案例) of a month, yyyy-MM: one workbook, six sheets")
    ResponseEntity<StreamingResponseBody> monthly(@PathVariable String month) {
        YearMonth reported;
        try {
            reported = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", List.of(new FieldProblem("month", "a month as yyyy-MM")));
        }
        MonthlyCaseReport report = reports.monthly(reported);
        String file = "联合奖惩案例-" + reported + ".xlsx";
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file, StandardCharsets.UTF_8).build().toString())
                .body(out -> CaseReportWorkbook.write(report, out));
    }

    @GetMapping("/reminders")
    @Operation(summary = "The reminders of the monthly report's deadline, newest first")
    List<ReportReminder> reminders(@RequestParam(defaultValue = "24") int limit) {
        if (limit < 1 || limit > 240) {
            throw new InvalidInputException("query", List.of(new FieldProblem("limit", "1 to 240")));
        }
        return reports.reminders(limit);
    }
}
