package io.creditloop.publication.release.web;

import io.creditloop.security.Caller;
import io.creditloop.security.CallerRefused;

import io.creditloop.publication.board.BoardColumns;
import io.creditloop.publication.board.BoardEntry;
import io.creditloop.publication.board.Page;
import io.creditloop.publication.board.document.XlsxTable;
import io.creditloop.publication.release.Release;
import io.creditloop.publication.release.ReleaseKind;
import io.creditloop.publication.release.ReleaseService;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * R7: releases (000 §3; 004 §4(三)1): made by the credit office (unified) or a department (its own listings), read by
 * anyone, printed as an xlsx document for newspapers and TV. Who may make one is the gateway's concern.
 */
@RestController
@RequestMapping("/api/board/releases")
class ReleaseController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReleaseService releases;

    ReleaseController(ReleaseService releases) {
        this.releases = releases;
    }

    /** @param cutOff the day whose board is released; today if absent */
    record ReleaseRequest(ReleaseKind kind, String department, LocalDate cutOff) {
    }

    @PostMapping
    ResponseEntity<Release> release(@RequestBody ReleaseRequest request, Caller caller) {
        // R16: releases are the credit office's; the public reads them, nobody else makes them
        CallerRefused.unless(caller.isCreditOffice(), "only the credit office makes releases, not " + caller);
        Release release = releases.release(request.kind(), request.department(), request.cutOff());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{no}").buildAndExpand(release.no()).toUri()).body(release);
    }

    @GetMapping
    Page<Release> releases(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return releases.page(page, size);
    }

    @GetMapping("/{no:\\d+}")
    Release release(@PathVariable long no) {
        return releases.find(no).orElseThrow(() -> new NoSuchReleaseException(no));
    }

    @GetMapping("/{no:\\d+}/entries")
    Page<BoardEntry> entries(@PathVariable long no,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return releases.entries(no, page, size).orElseThrow(() -> new NoSuchReleaseException(no));
    }

    /** The printable document: the entries by department, then the departments' counts. */
    @GetMapping("/{no:\\d+}.xlsx")
    void document(@PathVariable long no, HttpServletResponse response) throws IOException {
        SXSSFWorkbook workbook = XlsxTable.workbook();
        try {
            List<Release> header = new ArrayList<>(1);
            XlsxTable entries = new XlsxTable(workbook, "发布名单").widths(BoardColumns.HEADERS.size(), 18);
            boolean found = releases.print(no, release -> {
                header.add(release);
                entries.heading(List.of(title(release))).heading(BoardColumns.HEADERS);
            }, entry -> entries.row(BoardColumns.row(entry)));
            if (!found) {
                throw new NoSuchReleaseException(no);
            }
            Release release = header.get(0);
            XlsxTable counts = new XlsxTable(workbook, "部门统计").widths(5, 16)
                    .heading(List.of(title(release)))
                    .heading(List.of("认定部门", "红名单", "黑名单", "重点关注名单", "合计"));
            int red = 0;
            int black = 0;
            int gray = 0;
            for (Release.DepartmentCount c : release.counts()) {
                counts.row(List.of(c.department(), c.red(), c.black(), c.gray(), c.total()));
                red += c.red();
                black += c.black();
                gray += c.gray();
            }
            counts.heading(List.of("合计", red, black, gray, red + black + gray));
            response.setContentType(XLSX);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("release-" + no + ".xlsx", StandardCharsets.UTF_8).build().toString());
            workbook.write(response.getOutputStream());
        } finally {
            workbook.close();
        }
    }

    static String title(Release release) {
        String who = release.kind() == ReleaseKind.UNIFIED ? "信用红黑名单统一发布" : release.department() + " 信用红黑名单自行发布";
        return who + " 第" + release.no() + "期（截至 " + release.cutOff() + "，共 " + release.entryCount() + " 条）";
    }
}
