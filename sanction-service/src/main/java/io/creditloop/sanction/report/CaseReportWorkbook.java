package io.creditloop.sanction.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The monthly case report as one xlsx, one sheet per form of 004 annex 2: the form's title, the annex's columns, then
 * the rows numbered from 1. Streamed (SXSSF), so a large month does not fill the heap.
 */
public final class CaseReportWorkbook {

    private CaseReportWorkbook() {
    }

    public static void write(MonthlyCaseReport report, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            for (CaseReportForm form : CaseReportForm.values()) {
                Sheet sheet = workbook.createSheet(form.sheetName());
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(form.title() + "（" + report.region() + "，"
                        + report.month().getYear() + "年" + report.month().getMonthValue() + "月）");
                title.getCell(0).setCellStyle(heading);
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, form.columns().size() - 1));
                Row header = sheet.createRow(1);
                for (int c = 0; c < form.columns().size(); c++) {
                    header.createCell(c).setCellValue(form.columns().get(c));
                    header.getCell(c).setCellStyle(heading);
                    sheet.setColumnWidth(c, c == 0 ? 6 * 256 : 18 * 256);
                }
                int r = 2;
                for (List<String> cells : report.rows().get(form)) {
                    Row row = sheet.createRow(r);
                    row.createCell(0).setCellValue(r - 1);
                    for (int c = 0; c < cells.size(); c++) {
                        row.createCell(c + 1).setCellValue(cells.get(c));
                    }
                    r++;
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }
}
