package io.creditloop.sharing.inbound;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The first sheet of an .xlsx upload, read with POI's event API (XSSFReader + SAX): the package is opened from disk
 * read-only and the sheet XML is streamed row by row, so a large file is read in bounded memory (the shared strings
 * table is held, the rows never are). Never an {@code XSSFWorkbook}.
 * <p>
 * Cells come as Excel shows them, except that a date-formatted number becomes an ISO date. An ID number typed into
 * a number cell has already lost its last digits in Excel; it fails its check and the row is refused.
 */
final class XlsxRows implements SheetRows {

    private final Path file;

    XlsxRows(Path file) {
        this.file = file;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new UnreadableFileException("文件不是有效的 .xlsx 工作簿 (the file is not a readable .xlsx workbook)", 0);
        }
        Rows rows = new Rows(handler);
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("工作簿中没有工作表 (the workbook has no sheet)", 0);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDates(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (Exception e) {
            if (rows.failure != null) {
                throw rows.failure;
            }
            throw new UnreadableFileException("工作表在第 " + (rows.last + 1) + " 行附近无法读取 (the sheet cannot be "
                    + "read near row " + (rows.last + 1) + ")", rows.last + 1);
        } finally {
            pkg.revert();
        }
    }

    /** Collects one row's cells by column and hands the row on at its end. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private List<String> cells = new ArrayList<>();
        /** What the handler threw (storing records failed, say): not a problem of the file, passed on as it is. */
        RuntimeException failure;
        int last;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            last = rowNum + 1;
            try {
                handler.row(rowNum + 1, cells);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = column(reference, cells.size());
            while (cells.size() < column) {
                cells.add(null);
            }
            String value = formattedValue == null || formattedValue.isBlank() ? null : formattedValue;
            if (cells.size() == column) {
                cells.add(value);
            } else {
                cells.set(column, value);
            }
        }
    }

    /** 0-based column of a reference such as {@code AB12}; the next column when there is none. */
    static int column(String reference, int next) {
        if (reference == null) {
            return next;
        }
        int column = 0;
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            i++;
        }
        return i == 0 ? next : column - 1;
    }

    /** Date cells as ISO dates whatever their display format; everything else as Excel shows it. */
    private static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            boolean cjkDate = (formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58);
            if ((cjkDate || DateUtil.isADateFormat(formatIndex, formatString)) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904).toLocalDate();
                return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }
}
