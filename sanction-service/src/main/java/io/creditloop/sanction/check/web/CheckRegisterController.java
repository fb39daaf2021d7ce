package io.creditloop.sanction.check.web;

import io.creditloop.sanction.access.SanctionAccess;
import io.creditloop.sanction.check.CheckRegister;
import io.creditloop.sanction.check.RegisterReview;
import io.creditloop.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * R16: the credit office's review of the credit-check register, as JSON pages or one CSV file. ID numbers appear
 * only masked (first 6, last 4), persons otherwise by subject key; an ID number given as a filter is never echoed.
 */
@RestController
@RequestMapping("/api/sanction/credit-check-register")
@Tag(name = "credit check register", description = "R16: who checked which person, when, in which scenario")
class CheckRegisterController {

    static final String CSV_HEADER = "checked_at,agency,user,scenario,queried_by,subject_key,masked_id,result_count";

    private final RegisterReview review;

    CheckRegisterController(RegisterReview review) {
        this.review = review;
    }

    @GetMapping
    @Operation(summary = "Registered person checks, newest first; filters: agency, from/to (days, inclusive), "
            + "subjectKey or idNumber (+ idType); paged")
    RegisterReview.Page page(@RequestParam(required = false) String agency,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate to,
                             @RequestParam(required = false) String subjectKey,
                             @RequestParam(required = false) String idType,
                             @RequestParam(required = false) String idNumber,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size,
                             Caller caller) {
        SanctionAccess.requireCreditOffice(caller); // R16: only the credit office reads the register
        return review.page(review.filter(agency, from, to, subjectKey, idType, idNumber), page, size);
    }

    @GetMapping("/export.csv")
    @Operation(summary = "The same entries as one CSV file (UTF-8 with BOM, for spreadsheets), newest first")
    void export(@RequestParam(required = false) String agency,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String subjectKey,
                @RequestParam(required = false) String idType,
                @RequestParam(required = false) String idNumber,
                HttpServletResponse response, Caller caller) throws IOException {
        SanctionAccess.requireCreditOffice(caller);
        CheckRegister.Filter filter = review.filter(agency, from, to, subjectKey, idType, idNumber);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credit-check-register.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write(CSV_HEADER + "\r\n");
        review.export(filter, e -> {
            try {
                out.write(String.join(",", e.checkedAt().toString(), cell(e.agency()), cell(e.user()),
                        cell(e.scenario()), e.queriedBy().name(), cell(e.subjectKey()), cell(e.maskedId()),
                        Integer.toString(e.resultCount())) + "\r\n");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        out.flush();
    }

    /**
     * RFC 4180 quoting, and a leading quote before what a spreadsheet would take for a formula (a user id may
     * start with {@code -} or {@code @}).
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
