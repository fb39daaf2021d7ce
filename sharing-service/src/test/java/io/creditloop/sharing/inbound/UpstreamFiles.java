package io.creditloop.sharing.inbound;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/** Upstream list files as tests need them: an .xlsx written with POI (dates as real date cells), a CSV as text. */
public final class UpstreamFiles {

    public static final List<Object> HEADER = List.of("案号", "名单名称", "名单类型", "主体类型", "名称/姓名",
            "统一社会信用代码", "身份证号码", "认定机关", "认定日期", "有效期至", "状态");

    private UpstreamFiles() {
    }

    /** Cells are text, except {@link LocalDate}s, which become date-formatted number cells as Excel writes them. */
    public static byte[] xlsx(List<List<Object>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            Sheet sheet = workbook.createSheet("名单");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String csv(List<List<Object>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : rows) {
            text.append(String.join(",", row.stream().map(v -> v == null ? "" : "\"" + v + "\"").toList()))
                    .append("\r\n");
        }
        return text.toString();
    }
}
