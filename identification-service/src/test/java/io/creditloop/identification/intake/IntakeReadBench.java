package io.creditloop.identification.intake;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: a hand-run check that a large workbook is read in bounded memory.
 * <pre>
 *   java -cp CP io.creditloop.identification.intake.IntakeReadBench write /tmp/big.xlsx 1000000   (a big heap)
 *   java -Xmx256m -cp CP io.creditloop.identification.intake.IntakeReadBench read /tmp/big.xlsx
 *   java -Xmx256m -cp CP io.creditloop.identification.intake.IntakeReadBench probe /tmp/big.xlsx
 * </pre>
 * The written file uses a shared strings table with a unique name and ID number per row, as Excel would save it.
 */
public final class IntakeReadBench {

    private IntakeReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("write")) {
            write(file, Integer.parseInt(args[2]));
        } else if (args[0].equals("probe")) {
            long start = System.nanoTime();
            try (XlsxFile xlsx = XlsxFile.open(file)) {
                UploadPlan plan = UploadPlan.of(xlsx, null, "tax", 20);
                System.out.printf("probe (what POST does before answering) %.2fs: %s%n",
                        (System.nanoTime() - start) / 1e9, plan.templates());
            }
        } else {
            read(file);
        }
    }

    private static void write(Path file, int rows) throws Exception {
        List<String> header = List.of("名单类型", "法人和其他组织名称(或自然人姓名)", "统一社会信用代码", "法定代表人(单位负责人)姓名",
                "身份证号码", "列入名单事由", "认定部门(单位)", "认定依据", "认定日期", "有效期");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true);
             OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("名单");
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                first.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                String id = Workbooks.idNumber(String.format("420202%08d%03d", 19_800_101 + r % 28, r % 1000));
                String[] values = {"黑名单(重大税收违法案件)", "第" + r + "号贸易有限公司", "91420200MA4KLB7Q32", "张" + r, id,
                    "虚开增值税专用发票", "市国税局", "《中华人民共和国税收征收管理法》", "2017-4-20", "2年"};
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c).setCellValue(values[c]);
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
        System.out.println("wrote " + rows + " rows, " + Files.size(file) + " bytes");
    }

    private static void read(Path file) throws Exception {
        long start = System.nanoTime();
        AtomicLong rows = new AtomicLong();
        AtomicLong chars = new AtomicLong();
        try (XlsxFile xlsx = XlsxFile.open(file)) {
            xlsx.check(0);
            long checked = System.nanoTime();
            xlsx.read(0, true, row -> {
                rows.incrementAndGet();
                chars.addAndGet(row.cells().stream().mapToLong(c -> c == null ? 0 : c.length()).sum());
                return true;
            });
            Runtime rt = Runtime.getRuntime();
            System.out.printf("check %.1fs, read %d rows (%d chars) in %.1fs, heap used %d MB of max %d MB%n",
                    (checked - start) / 1e9, rows.get(), chars.get(), (System.nanoTime() - checked) / 1e9,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        }
    }
}
