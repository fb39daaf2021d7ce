package io.creditloop.identification.intake;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The workbooks of the bad-input corpus ({@code src/test/resources/intake/corpus/corpus.csv}) that POI can write, so
 * no binary is committed: each is built from the rows below, which are the case as a clerk would see it in Excel. Run
 * {@link #main} with a directory to write them all out and open them.
 */
final class CorpusWorkbooks {

    static final List<Object> HUANGSHI = List.of("名单类型", "名称/姓名", "统一社会信用代码", "法定代表人", "身份证号码",
            "列入名单事由", "认定部门", "认定依据", "认定日期", "有效期");
    static final List<Object> DAYE_ORGANISATIONS = List.of("序号", "目录事项", "企业名称", "法定代表人", "组织机构代码",
            "公布类别(红/黑榜)", "认定时间", "有效期", "备注");
    static final List<Object> DAYE_PERSONS = List.of("序号", "目录事项", "姓名", "证件类型", "证件号码",
            "公布类别(红/黑榜)", "认定时间", "有效期", "备注");
    private static final String LAW = "《中华人民共和国税收征收管理法》";
    static final long JUNK_SIZE = 50L * 1024 * 1024;

    /** A formula cell: its formula, evaluated by POI so the file carries the cached value Excel would show. */
    record Formula(String formula) {
    }

    /** A formula cell written without a cached value, as some report generators do. */
    record Uncalculated(String formula) {
    }

    private CorpusWorkbooks() {
    }

    /** Writes every generated case (not the 50 MB ones) into {@code args[0]}, to open them in Excel or WPS. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/corpus"));
        for (String name : List.of("merged-cells.xlsx", "merged-header.xlsx", "grouped-header.xlsx",
                "empty-rows.xlsx", "formulas.xlsx", "formula-errors.xlsx", "dates-in-cells.xlsx", "extra-columns.xlsx",
                "several-sheets.xlsx", "truncated.xlsx", "zip-not-xlsx.xlsx", "word-document.xlsx", "old-excel.xls")) {
            Files.write(dir.resolve(name), generate(name));
        }
    }

    /** The file of a generated case, written into {@code dir}. */
    static Path write(String name, Path dir) throws IOException {
        Path file = dir.resolve(name);
        if (name.startsWith("junk-50mb")) {
            junk(file, name.endsWith(".csv"));
        } else {
            Files.write(file, generate(name));
        }
        return file;
    }

    static byte[] generate(String name) {
        return switch (name) {
            // a merged title, the list type and the department merged down over the rows they apply to
            case "merged-cells.xlsx" -> xlsx(workbook -> sheet(workbook, "名单", Arrays.asList(
                    List.of("红黑名单及联合奖惩对象信息记录报送格式"),
                    HUANGSHI,
                    row("黑名单(重大税收违法案件)", "语料合并甲贸易有限公司", "914202003000114739", "郑甲", null,
                            "虚开增值税专用发票", "市国税局", LAW, "2017-4-20", "2年"),
                    row(null, "语料合并乙", null, null, "420202199007071016", "逃避追缴欠税", null, LAW, "2017-4-21",
                            "2年"),
                    row(null, "语料合并丙贸易有限公司", "91420200300011617T", "郑丙", null, "虚开发票", null, LAW,
                            "2017-4-22", "2年"),
                    row("TAX_MAJOR_VIOLATION", "语料合并丁贸易有限公司", "91420200300011684Q", "郑丁", null, "偷税",
                            "市税务局", LAW, "2017-4-23", "2年")),
                    sheet -> {
                        sheet.addMergedRegion(CellRangeAddress.valueOf("A1:J1"));
                        sheet.addMergedRegion(CellRangeAddress.valueOf("A3:A5"));
                        sheet.addMergedRegion(CellRangeAddress.valueOf("G3:G5"));
                    }));
            // the header two rows tall: every header cell merged over rows 2 and 3
            case "merged-header.xlsx" -> xlsx(workbook -> sheet(workbook, "名单", Arrays.asList(
                    List.of("红黑名单及联合奖惩对象信息记录报送格式"),
                    HUANGSHI,
                    null,
                    row("TAX_MAJOR_VIOLATION", "语料表头甲有限公司", "914202003000115452", "冯甲", null, "偷税",
                            "市国税局", LAW, "2017-4-20", "2年"),
                    row("TAX_MAJOR_VIOLATION", "语料表头乙有限公司", "91420200300011756H", "冯乙", null, "偷税",
                            "市国税局", LAW, "2017-4-20", "2年")),
                    sheet -> {
                        sheet.addMergedRegion(CellRangeAddress.valueOf("A1:J1"));
                        for (int c = 0; c < HUANGSHI.size(); c++) {
                            sheet.addMergedRegion(new CellRangeAddress(1, 2, c, c));
                        }
                    }));
            // a two-level header: 主体信息 spans the subject's columns, whose names are in the row below
            case "grouped-header.xlsx" -> xlsx(workbook -> sheet(workbook, "名单", Arrays.asList(
                    row("名单类型", "主体信息", null, null, null, "列入名单事由", "认定部门", "认定依据", "认定日期",
                            "有效期"),
                    row(null, "名称/姓名", "统一社会信用代码", "法定代表人", "身份证号码"),
                    row("TAX_MAJOR_VIOLATION", "语料分组甲有限公司", "91420200300011828A", "褚甲", null, "偷税",
                            "市国税局", LAW, "2017-4-20", "2年")),
                    sheet -> {
                        sheet.addMergedRegion(CellRangeAddress.valueOf("B1:E1"));
                        for (int c : new int[] {0, 5, 6, 7, 8, 9}) {
                            sheet.addMergedRegion(new CellRangeAddress(0, 1, c, c));
                        }
                    }));
            // empty rows in the middle (one only formatted), 序号-only template lines and formatted rows at the end
            case "empty-rows.xlsx" -> xlsx(workbook -> {
                Sheet sheet = sheet(workbook, "名单", Arrays.asList(
                        HUANGSHI,
                        row("TAX_MAJOR_VIOLATION", "语料空行甲有限公司", "9142020030001077XK", "卫甲", null, "偷税",
                                "市国税局", LAW, "2017-4-20", "2年"),
                        null,
                        row(" ", "", null, null, null, null, null, null, null, "  "),
                        null,
                        row("TAX_MAJOR_VIOLATION", "语料空行乙有限公司", "9142020030001077XL", "卫乙", null, "偷税",
                                "市国税局", LAW, "2017-4-20", "2年"),
                        row("TAX_MAJOR_VIOLATION", "语料空行丙", null, null, "420202199007072043", "偷税", "市国税局",
                                LAW, "2017-4-20", "2年")), sheet1 -> { });
                CellStyle bordered = workbook.createCellStyle();
                bordered.setBorderBottom(BorderStyle.THIN);
                bordered.setBorderRight(BorderStyle.THIN);
                for (int r = 7; r < 507; r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < HUANGSHI.size(); c++) {
                        row.createCell(c).setCellStyle(bordered);
                    }
                }
            });
            // what Excel shows is what is read: a concatenated USCC, a DATE() in a date cell, a validity built of text
            case "formulas.xlsx" -> xlsx(workbook -> sheet(workbook, "名单", Arrays.asList(
                    HUANGSHI,
                    row("TAX_MAJOR_VIOLATION", new Formula("\"语料公式甲\"&\"有限公司\""),
                            new Formula("\"91420200\"&\"300010497\"&\"G\""), "蒋甲", null, "偷税", "市国税局", LAW,
                            new Formula("DATE(2017,4,20)"), new Formula("2&\"年\"")),
                    row("TAX_MAJOR_VIOLATION", "语料公式乙", null, null,
                            new Formula("\"420202\"&\"19700505\"&\"1012\""), "偷税", "市国税局", LAW,
                            new Formula("I2+1"), "2年")),
                    sheet -> { }));
            // a VLOOKUP that found nothing (#N/A) in the name column; a formula saved without its value
            case "formula-errors.xlsx" -> xlsx(workbook -> sheet(workbook, "名单", Arrays.asList(
                    HUANGSHI,
                    row("TAX_MAJOR_VIOLATION", new Formula("NA()"), "914202003000109138", "沈甲", null, "偷税",
                            "市国税局", LAW, "2017-4-20", "2年"),
                    row("TAX_MAJOR_VIOLATION", "语料公式错乙有限公司", new Uncalculated("\"91420200\"&\"300010913\"&\"8\""),
                            "沈乙", null, "偷税", "市国税局", LAW, "2017-4-20", "2年"),
                    row("TAX_MAJOR_VIOLATION", "语料公式错丙有限公司", "914202003000109806", "沈丙", null,
                            new Formula("1/0"), "市国税局", LAW, "2017-4-20", "2年")),
                    sheet -> { }));
            // dates as cells: a date cell, a date-time cell, text in a date-formatted cell, a plain number
            case "dates-in-cells.xlsx" -> xlsx(workbook -> sheet(workbook, "名单", Arrays.asList(
                    HUANGSHI,
                    row("TAX_MAJOR_VIOLATION", "语料日期格甲有限公司", "91420200300011051A", "韩甲", null, "偷税",
                            "市国税局", LAW, LocalDate.of(2017, 4, 20), "2年"),
                    row("TAX_MAJOR_VIOLATION", "语料日期格乙有限公司", "914202003000111233", "韩乙", null, "偷税",
                            "市国税局", LAW, LocalDateTime.of(2017, 4, 20, 15, 30), "2年"),
                    row("TAX_MAJOR_VIOLATION", "语料日期格丙有限公司", "914202003000111901", "韩丙", null, "偷税",
                            "市国税局", LAW, new DateText("去年"), "2年"),
                    row("TAX_MAJOR_VIOLATION", "语料日期格丁有限公司", "91420200300011262R", "韩丁", null, "偷税",
                            "市国税局", LAW, 42845, "2年")),
                    sheet -> { }));
            // unknown columns before, between and after the template's: read, ignored, named in the notes
            case "extra-columns.xlsx" -> xlsx(workbook -> sheet(workbook, "名单", Arrays.asList(
                    row("内部编号", "名单类型", "名称/姓名", "统一社会信用代码", "联系电话", "法定代表人", "身份证号码",
                            "列入名单事由", "认定部门", "认定依据", "认定日期", "有效期", "经办人", "审核意见"),
                    row("N-001", "TAX_MAJOR_VIOLATION", "语料多列甲有限公司", "91420200300011334J", "0714-6200001",
                            "杨甲", null, "偷税", "市国税局", LAW, "2017-4-20", "2年", "李四", "同意"),
                    row("N-002", "TAX_MAJOR_VIOLATION", "语料多列乙", null, "13800000000", null,
                            "42020219991212101X", "偷税", "市国税局", LAW, "2017-4-20", "2年", "李四", "同意")),
                    sheet -> { }));
            // Daye annex 4 as two sheets, organisations and persons, and a sheet of instructions without a header
            case "several-sheets.xlsx" -> xlsx(workbook -> {
                sheet(workbook, "企业", Arrays.asList(
                        List.of("“红黑名单”信息报送表(企业和组织)"),
                        DAYE_ORGANISATIONS,
                        row(1, "拖欠农民工工资", "语料多表甲建筑有限公司", "朱甲", "91420200300011406B", "黑榜",
                                "2018-5-6", "1年", null),
                        row(2, "拖欠农民工工资", "语料多表乙劳务有限公司", "朱乙", "30001147-3", "黑榜", "2018-5-6",
                                "1年", "老代码"),
                        row(3, "拖欠农民工工资", "语料多表丙劳务有限公司", "朱丙", "30001147-4", "黑榜", "2018-5-6",
                                "1年", null)), sheet -> { });
                sheet(workbook, "自然人", Arrays.asList(
                        List.of("“红黑名单”信息报送表(自然人)"),
                        DAYE_PERSONS,
                        row(1, "拖欠农民工工资", "语料多表丁", "身份证", "42020219581010101X", "黑榜", "2018-5-6",
                                "1年", null),
                        row(2, "拖欠农民工工资", "语料多表戊", "身份证", "420202195810102048", "黑榜", "2018-5-6",
                                "1年", null)), sheet -> { });
                sheet(workbook, "填表说明", Arrays.asList(
                        List.of("1. 企业和自然人分表填写。"),
                        List.of("2. 认定时间格式为 2018-5-6。")), sheet -> { });
            });
            // a sound workbook cut off two thirds of the way, as an interrupted download leaves it
            case "truncated.xlsx" -> {
                byte[] whole = generate("formulas.xlsx");
                yield Arrays.copyOf(whole, whole.length * 2 / 3);
            }
            case "zip-not-xlsx.xlsx" -> zip(List.of("说明.txt", "data/名单.csv"), List.of("这不是工作簿",
                    String.join(",", HUANGSHI.stream().map(Object::toString).toList())));
            case "word-document.xlsx" -> zip(List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml"),
                    List.of("""
                            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                            <Default Extension="xml" ContentType="application/xml"/>\
                            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                            </Types>""", """
                            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                            </Relationships>""", """
                            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
                            <w:body><w:p><w:r><w:t>红黑名单报送说明</w:t></w:r></w:p></w:body></w:document>"""));
            case "old-excel.xls" -> {
                try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    sheet(workbook, "名单", Arrays.asList(HUANGSHI, row("TAX_MAJOR_VIOLATION", "语料旧版有限公司",
                            "91420200300010075H", "秦甲", null, "偷税", "市国税局", LAW, "2017-4-20", "2年")),
                            sheet -> { });
                    workbook.write(out);
                    yield out.toByteArray();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            default -> throw new IllegalArgumentException("no generated corpus file " + name);
        };
    }

    /** Text in a cell formatted as a date, as a clerk types it into the 认定日期 column. */
    record DateText(String text) {
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static byte[] xlsx(Consumer<XSSFWorkbook> content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sheet; {@code null} leaves a row out, a {@code null} value leaves a cell empty. */
    private static Sheet sheet(Workbook workbook, String name, List<List<Object>> rows, Consumer<Sheet> more) {
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-m-d"));
        Sheet sheet = workbook.createSheet(name);
        for (int r = 0; r < rows.size(); r++) {
            List<Object> values = rows.get(r);
            if (values == null) {
                continue;
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (value instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (value instanceof LocalDateTime t) {
                    cell.setCellValue(t);
                    cell.setCellStyle(date);
                } else if (value instanceof DateText t) {
                    cell.setCellValue(t.text());
                    cell.setCellStyle(date);
                } else if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value instanceof Formula f) {
                    cell.setCellFormula(f.formula());
                    if (f.formula().startsWith("DATE") || f.formula().startsWith("I2")) {
                        cell.setCellStyle(date);
                    }
                    workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
                } else if (value instanceof Uncalculated f) {
                    cell.setCellFormula(f.formula());
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }
        more.accept(sheet);
        return sheet;
    }

    private static byte[] zip(List<String> names, List<String> contents) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.size(); i++) {
                out.putNextEntry(new ZipEntry(names.get(i)));
                out.write(contents.get(i).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 50 MB of junk, never committed: random bytes under an .xlsx name, or, for a .csv name, random printable text in
     * lines (text, so it gets as far as the search for a header).
     */
    private static void junk(Path file, boolean text) throws IOException {
        Random random = new Random(50);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < JUNK_SIZE; written += chunk.length) {
                if (text) {
                    for (int i = 0; i < chunk.length; i++) {
                        chunk[i] = i % 100 == 99 ? (byte) '\n' : (byte) (0x21 + random.nextInt(0x5E));
                    }
                } else {
                    random.nextBytes(chunk);
                }
                out.write(chunk);
            }
        }
    }
}
