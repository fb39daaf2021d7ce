package io.creditloop.publication.board.document;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.util.List;

/**
 * One sheet of a streamed xlsx workbook (POI SXSSF: only a window of rows is kept in memory, so an export of the
 * whole board does not fill the heap). Numbers become numeric cells, {@code null} an empty cell.
 */
public final class XlsxTable {

    private final SXSSFSheet sheet;
    private final CellStyle bold;
    private int next;

    public XlsxTable(SXSSFWorkbook workbook, String name) {
        this.sheet = workbook.createSheet(name);
        Font font = workbook.createFont();
        font.setBold(true);
        this.bold = workbook.createCellStyle();
        this.bold.setFont(font);
    }

    /** A new workbook that keeps 200 rows in memory and compresses its temporary files. */
    public static SXSSFWorkbook workbook() {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(true);
        return workbook;
    }

    public XlsxTable heading(List<?> values) {
        write(values, bold);
        return this;
    }

    public XlsxTable row(List<?> values) {
        write(values, null);
        return this;
    }

    /** Column widths for the first {@code columns} columns, in characters. */
    public XlsxTable widths(int columns, int characters) {
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, characters * 256);
        }
        return this;
    }

    private void write(List<?> values, CellStyle style) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            var cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
