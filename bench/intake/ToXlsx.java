import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same rows as an .xlsx, as a department's clerk would save them from Excel: one sheet, the header in row 1,
 * every cell a shared string, as Excel saves text (the reader must then page the shared-strings table). Written
 * with POI's streaming SXSSF writer (100 rows in memory; the shared-strings table stays in memory, so give it a few
 * GB of heap for a million rows). Run with the identification-service's POI and Commons CSV on the class path:
 * <pre>
 *   java -cp "$CP" ToXlsx.java IN.csv OUT.xlsx
 * </pre>
 */
public final class ToXlsx {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java -cp CLASSPATH ToXlsx.java IN.csv OUT.xlsx");
            System.exit(2);
        }
        long start = System.nanoTime();
        long rows = 0;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
             SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true)) {
            Sheet sheet = workbook.createSheet("黑名单");
            for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
                Row row = sheet.createRow((int) rows++);
                for (int c = 0; c < record.size(); c++) {
                    row.createCell(c).setCellValue(record.get(c));
                }
            }
            try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
                workbook.write(out);
            }
        }
        System.err.printf("ToXlsx: %d rows (header included), %d bytes, %.2fs%n", rows, Files.size(Path.of(args[1])),
                (System.nanoTime() - start) / 1e9);
    }
}
