package io.creditloop.publication.board.web;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.publication.board.BoardColumns;
import io.creditloop.publication.board.BoardService;
import io.creditloop.publication.board.document.XlsxTable;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
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
 * R7: the board as CSV and xlsx, filtered like the search, for portals and media to mirror (000 §3 channels). Both
 * stream: rows go out as they are read. The columns are {@link BoardColumns}'.
 */
@RestController
@RequestMapping("/api/board")
class ExportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BoardService board;

    ExportController(BoardService board) {
        this.board = board;
    }

    @GetMapping("/export.csv")
    void csv(@RequestParam(required = false) @Size(max = 100) String q,
             @RequestParam(required = false) ListKind kind,
             @RequestParam(required = false) @Size(max = 100) String type,
             @RequestParam(required = false) @Size(max = 100) String department,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
             HttpServletResponse response) throws IOException {
        var query = BoardController.query(q, kind, type, department, from, to, 0, 1).unpaged();
        response.setContentType("text/csv;charset=UTF-8");
        attachment(response, "board.csv");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel reads the Chinese text as UTF-8
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader(BoardColumns.HEADERS.toArray(String[]::new)).get())) {
            board.export(query, entry -> {
                try {
                    csv.printRecord(BoardColumns.row(entry));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @GetMapping("/export.xlsx")
    void xlsx(@RequestParam(required = false) @Size(max = 100) String q,
              @RequestParam(required = false) ListKind kind,
              @RequestParam(required = false) @Size(max = 100) String type,
              @RequestParam(required = false) @Size(max = 100) String department,
              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
              HttpServletResponse response) throws IOException {
        var query = BoardController.query(q, kind, type, department, from, to, 0, 1).unpaged();
        SXSSFWorkbook workbook = XlsxTable.workbook();
        try {
            XlsxTable table = new XlsxTable(workbook, "信用红黑名单").widths(BoardColumns.HEADERS.size(), 18)
                    .heading(BoardColumns.HEADERS);
            board.export(query, entry -> table.row(BoardColumns.row(entry)));
            response.setContentType(XLSX);
            attachment(response, "board.xlsx");
            workbook.write(response.getOutputStream());
        } finally {
            workbook.close();
        }
    }

    static void attachment(HttpServletResponse response, String filename) {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
    }
}
