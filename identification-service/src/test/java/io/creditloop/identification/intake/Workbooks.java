package io.creditloop.identification.intake;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Small workbooks for tests, written with POI's usermodel (fine for a few rows; production reads with SAX). */
final class Workbooks {

    /** A numeric cell holding exactly these digits in the sheet XML, as generators other than Excel write it. */
    record RawNumber(String digits) {
    }

    private Workbooks() {
    }

    /**
     * One sheet; {@code null} leaves a cell empty, a {@link LocalDate} becomes a date-formatted number, a
     * {@link Number} a numeric cell, a {@link RawNumber} a numeric cell with its exact digits, anything else text.
     */
    static byte[] xlsx(String sheetName, List<List<Object>> rows) {
        return xlsx(sheetName, rows, sheet -> { });
    }

    static byte[] xlsx(String sheetName, List<List<Object>> rows, java.util.function.Consumer<Sheet> more) {
        byte[] bytes;
        int raw = 0;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-m-d"));
            Sheet sheet = workbook.createSheet(sheetName);
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
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value instanceof RawNumber) {
                        cell.setCellValue(7_770_000 + raw++);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            more.accept(sheet);
            workbook.write(out);
            bytes = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // put the exact digits where the placeholders are
        int[] index = {0};
        List<String> digits = rows.stream().filter(java.util.Objects::nonNull).flatMap(List::stream)
                .filter(RawNumber.class::isInstance).map(v -> ((RawNumber) v).digits()).toList();
        if (digits.isEmpty()) {
            return bytes;
        }
        return rewriteSheet(bytes, xml -> {
            String result = xml;
            for (String d : digits) {
                result = result.replace("<v>" + (7_770_000 + index[0]++) + ".0</v>", "<v>" + d + "</v>");
            }
            return result;
        });
    }

    /** The workbook with its first sheet's XML changed. */
    static byte[] rewriteSheet(byte[] xlsx, UnaryOperator<String> change) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    content = change.apply(xml).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheet XML cut off in the middle of row {@code row}: the zip is sound, the XML is not. */
    static byte[] damagedAfterRow(byte[] xlsx, int row) {
        return rewriteSheet(xlsx, xml -> xml.substring(0, xml.indexOf("<row r=\"" + row + "\"") + 12));
    }

    /** The check character of a resident ID (GB 11643). */
    static String idNumber(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
