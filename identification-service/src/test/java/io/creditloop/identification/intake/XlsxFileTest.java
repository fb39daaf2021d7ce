package io.creditloop.identification.intake;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming .xlsx reader on small generated workbooks. */
class XlsxFileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("R3: text, date cells (as ISO dates), numbers and empty rows are read as the clerk sees them")
    void cellsAsText() throws IOException {
        byte[] bytes = Workbooks.xlsx("名单", Arrays.asList(
                List.of("名称", "认定日期", "数量"),
                Arrays.asList("甲公司", LocalDate.of(2017, 4, 20), 42),
                null,
                Arrays.asList("乙公司", "2017-4-20", 2.5)));

        List<SheetRow> rows = readAll(bytes, false);

        assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 4);
        assertThat(rows.get(1).cells()).containsExactly("甲公司", "2017-04-20", "42");
        assertThat(rows.get(1).isNumeric(2)).isTrue();
        assertThat(rows.get(2).cells()).containsExactly("乙公司", "2017-4-20", "2.5");
    }

    @Test
    @DisplayName("R3: an 18-digit ID number written into a numeric cell keeps all 18 digits (never a double)")
    void numericIdKeepsDigits() throws IOException {
        byte[] bytes = Workbooks.xlsx("s", List.of(
                List.of("身份证号码"),
                List.of(new Workbooks.RawNumber("420202198001011237")),
                List.of(new Workbooks.RawNumber("4.20202198001011E+17"))));

        List<SheetRow> rows = readAll(bytes, false);

        assertThat(rows.get(1).cell(0)).isEqualTo("420202198001011237");
        assertThat(rows.get(1).isNumeric(0)).isTrue();
        // what Excel itself writes for a typed 18-digit number: 15 significant digits, the tail lost
        assertThat(rows.get(2).cell(0)).isEqualTo("420202198001011000");
    }

    @Test
    @DisplayName("R3: the built-in CJK date format (yyyy年m月d日, no format string in the file) reads as a date")
    void cjkBuiltInDate() throws IOException {
        Path file = dir.resolve("cjk.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var style = workbook.createCellStyle();
            style.setDataFormat((short) 31);
            Row row = workbook.createSheet("s").createRow(0);
            row.createCell(0).setCellValue(LocalDate.of(2019, 4, 19));
            row.getCell(0).setCellStyle(style);
            workbook.write(out);
        }
        try (XlsxFile xlsx = XlsxFile.open(file)) {
            List<SheetRow> rows = new ArrayList<>();
            xlsx.read(0, false, rows::add);
            assertThat(rows.get(0).cell(0)).isEqualTo("2019-04-19");
        }
    }

    @Test
    @DisplayName("R3: a formula is read as its cached value")
    void formulaCachedValue() throws IOException {
        Path file = dir.resolve("formula.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Row row = workbook.createSheet("s").createRow(0);
            row.createCell(0).setCellValue("重大税收违法");
            row.createCell(1).setCellFormula("A1&\"案件\"");
            row.createCell(2).setCellFormula("1+1");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
        }
        try (XlsxFile xlsx = XlsxFile.open(file)) {
            List<SheetRow> rows = new ArrayList<>();
            xlsx.read(0, false, rows::add);
            assertThat(rows.get(0).cells()).containsExactly("重大税收违法", "重大税收违法案件", "2");
        }
    }

    @Test
    @DisplayName("R3: a vertically merged cell's value reaches every row it spans, marked as inherited")
    void mergedCellsFillDown() throws IOException {
        byte[] bytes = Workbooks.xlsx("s", Arrays.asList(
                List.of("名单类型", "名称"),
                List.of("黑名单(重大税收违法案件)", "甲"),
                Arrays.asList(null, "乙"),
                Arrays.asList(null, "丙"),
                Arrays.asList(null, "丁")), sheet -> sheet.addMergedRegion(CellRangeAddress.valueOf("A2:A4")));

        List<SheetRow> filled = readAll(bytes, true);
        List<SheetRow> plain = readAll(bytes, false);

        assertThat(filled).extracting(r -> r.cell(0)).containsExactly("名单类型", "黑名单(重大税收违法案件)",
                "黑名单(重大税收违法案件)", "黑名单(重大税收违法案件)", null);
        assertThat(filled.get(2).isInherited(0)).isTrue();
        assertThat(filled.get(1).isInherited(0)).isFalse();
        assertThat(plain.get(2).cell(0)).isNull();
    }

    @Test
    @DisplayName("R3: inline strings (as streaming writers produce them) are read too")
    void inlineStrings() throws IOException {
        Path file = dir.resolve("inline.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("s");
            sheet.createRow(0).createCell(0).setCellValue("名称");
            sheet.createRow(1).createCell(2).setCellValue("甲公司");
            workbook.write(out);
            workbook.dispose();
        }
        try (XlsxFile xlsx = XlsxFile.open(file)) {
            List<SheetRow> rows = new ArrayList<>();
            xlsx.read(0, true, rows::add);
            assertThat(rows).extracting(r -> r.cell(0)).containsExactly("名称", null);
            assertThat(rows.get(1).cell(2)).isEqualTo("甲公司");
        }
    }

    @Test
    @DisplayName("R3: a probe stops when the handler has what it wants")
    void probeStopsEarly() throws IOException {
        List<List<Object>> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(List.of("行" + i));
        }
        List<SheetRow> seen = new ArrayList<>();
        try (XlsxFile xlsx = XlsxFile.open(write(Workbooks.xlsx("s", many)))) {
            xlsx.probe(0, row -> {
                seen.add(row);
                return seen.size() < 5;
            });
        }
        assertThat(seen).hasSize(5);
        assertThat(seen.get(4).cell(0)).isEqualTo("行4");
    }

    @Test
    @DisplayName("R3: malformed sheet XML stops the read with the last good row; the rows before it were handed on")
    void damagedSheet() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rows.add(List.of("行" + i));
        }
        byte[] damaged = Workbooks.damagedAfterRow(Workbooks.xlsx("s", rows), 6);
        List<SheetRow> seen = new ArrayList<>();

        try (XlsxFile xlsx = XlsxFile.open(write(damaged))) {
            assertThatThrownBy(() -> xlsx.read(0, false, seen::add))
                    .isInstanceOf(UnreadableSpreadsheetException.class)
                    .satisfies(e -> assertThat(((UnreadableSpreadsheetException) e).lastRow()).isEqualTo(5));
        }
        assertThat(seen).hasSize(5);
    }

    @Test
    @DisplayName("a zip that is not a workbook is refused when opened")
    void notAWorkbook() throws IOException {
        Path file = dir.resolve("x.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            zip.write("hello".getBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> XlsxFile.open(file)).isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("R3: a formula cell is read as the value Excel last calculated, not as its formula")
    void formulasReadAsValues() throws IOException {
        Path file = dir.resolve("formula.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Row header = workbook.createSheet("s").createRow(0);
            header.createCell(0).setCellValue("名称");
            header.createCell(1).setCellValue("有效期");
            Row row = workbook.getSheet("s").createRow(1);
            row.createCell(0).setCellFormula("\"黄石\"&\"贸易有限公司\"");
            row.createCell(1).setCellFormula("1+1&\"年\"");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
        }
        try (XlsxFile xlsx = XlsxFile.open(file)) {
            List<SheetRow> rows = new ArrayList<>();
            xlsx.read(0, false, rows::add);
            assertThat(rows.get(1).cells()).containsExactly("黄石贸易有限公司", "2年");
        }
    }

    @Test
    @DisplayName("R3: a zip bomb disguised as xlsx is refused, not inflated")
    void zipBombRefused() {
        byte[] sound = Workbooks.xlsx("s", List.of(List.of("名称"), List.of("甲公司")));
        // 40 MB of whitespace inside the sheet XML deflates a thousandfold: POI's inflate-ratio guard trips
        byte[] bomb = Workbooks.rewriteSheet(sound, xml -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(40_000_000)));

        assertThatThrownBy(() -> readAll(bomb, false))
                .satisfies(e -> assertThat(e).hasStackTraceContaining("Zip bomb"));
    }

    private List<SheetRow> readAll(byte[] bytes, boolean fillMerged) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        try (XlsxFile xlsx = XlsxFile.open(write(bytes))) {
            xlsx.read(0, fillMerged, rows::add);
        }
        return rows;
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "t", ".xlsx"), bytes);
    }
}
