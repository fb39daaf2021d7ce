package io.creditloop.sharing.audit.web;

import io.creditloop.contracts.audit.v1.PersonalDataRead;
import io.creditloop.security.Caller;
import io.creditloop.security.CallerRefused;
import io.creditloop.sharing.audit.AuditLog;
import io.creditloop.sharing.audit.AuditLogService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * R16: the credit office searches and exports the personal-data audit log (who read which person's unmasked data,
 * when, what and why). Everyone else gets 403 before anything is read. Persons appear by subject key and masked ID
 * number only; an ID number given as a filter is never echoed.
 */
@RestController
@RequestMapping("/api/sharing/audit/personal-data-reads")
class AuditLogController {

    static final String CSV_HEADER = "read_at,caller_kind,caller_code,caller_subject,service,what,resource_id,"
            + "listing_id,subject_key,masked_id,purpose,request_id,read_id";

    private final AuditLogService audit;

    AuditLogController(AuditLogService audit) {
        this.audit = audit;
    }

    /** Newest first; filters: idNumber (+ idType), callerCode, callerKind, what, from/to (days, inclusive). */
    @GetMapping
    AuditLogService.Page search(@RequestParam(required = false) String idType,
                                @RequestParam(required = false) String idNumber,
                                @RequestParam(required = false) String callerCode,
                                @RequestParam(required = false) String callerKind,
                                @RequestParam(required = false) String what,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate to,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size,
                                Caller caller) {
        requireCreditOffice(caller);
        if (page < 0 || size < 1 || size > AuditLogService.MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page >= 0, 1 <= size <= " + AuditLogService.MAX_PAGE_SIZE);
        }
        return audit.page(filter(idType, idNumber, callerCode, callerKind, what, from, to), page, size);
    }

    @GetMapping("/export.csv")
    void export(@RequestParam(required = false) String idType,
                @RequestParam(required = false) String idNumber,
                @RequestParam(required = false) String callerCode,
                @RequestParam(required = false) String callerKind,
                @RequestParam(required = false) String what,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response, Caller caller) throws IOException {
        requireCreditOffice(caller);
        AuditLog.Filter filter = filter(idType, idNumber, callerCode, callerKind, what, from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data-reads.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write(CSV_HEADER + "\r\n");
        audit.export(filter, r -> {
            try {
                out.write(row(r) + "\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** R16: the audit log is the credit office's (an internal component holding the signing key passes too). */
    private static void requireCreditOffice(Caller caller) {
        CallerRefused.unless(caller.isCreditOffice(),
                "仅信用办可查阅个人信息查询日志 (only the credit office reads the personal-data audit log), not " + caller);
    }

    private AuditLog.Filter filter(String idType, String idNumber, String callerCode, String callerKind, String what,
                                   LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to is before from");
        }
        return audit.filter(idType, idNumber, callerCode, callerKind, what, from, to);
    }

    static String row(PersonalDataRead r) {
        return String.join(",", r.at().toString(), cell(r.callerKind()), cell(r.callerCode()),
                cell(r.callerSubject()), cell(r.service()), cell(r.what()), cell(r.resourceId()),
                r.listingId() == null ? "" : r.listingId().toString(), cell(r.subjectKey()), cell(r.maskedIdNumber()),
                cell(r.purpose()), cell(r.requestId()), r.readId().toString());
    }

    /** RFC 4180 quoting, and a leading quote before what a spreadsheet would take for a formula. */
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
