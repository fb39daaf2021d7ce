package io.creditloop.identification.intake;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV as Chinese Excel and WPS save it: UTF-8 with or without a BOM, or GBK. */
class CsvFileTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "序号,目录事项,姓名,证件类型,证件号码,公布类别(红/黑榜),认定时间,有效期,备注";

    @TempDir
    Path dir;

    @Test
    @DisplayName("R3: a GBK file (Excel's default in a Chinese locale) is detected and decoded as GB18030")
    void gbk() throws IOException {
        byte[] bytes = (HEADER + "\r\n1,拖欠农民工工资,王小五,身份证,420281198511114565,黑榜,2018-5-6,1年,\r\n").getBytes(GBK);

        CsvFile.Encoding encoding = CsvFile.detectEncoding(new ByteArrayInputStream(bytes));
        List<SheetRow> rows = read(bytes);

        assertThat(encoding.charset()).isEqualTo(CsvFile.GB18030);
        assertThat(encoding.bomLength()).isZero();
        assertThat(rows.get(0).cells()).startsWith("序号", "目录事项", "姓名");
        assertThat(rows.get(1).cell(2)).isEqualTo("王小五");
    }

    @Test
    @DisplayName("R3: UTF-8 with a byte order mark: the mark is not part of the first header")
    void utf8WithBom() throws IOException {
        byte[] text = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);

        CsvFile.Encoding encoding = CsvFile.detectEncoding(new ByteArrayInputStream(bytes));

        assertThat(encoding).isEqualTo(new CsvFile.Encoding(StandardCharsets.UTF_8, 3));
        assertThat(read(bytes).get(0).cell(0)).isEqualTo("序号");
    }

    @Test
    @DisplayName("R3: UTF-8 without a mark stays UTF-8")
    void utf8WithoutBom() throws IOException {
        byte[] bytes = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(CsvFile.detectEncoding(new ByteArrayInputStream(bytes)).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read(bytes).get(0).cell(8)).isEqualTo("备注");
    }

    @Test
    @DisplayName("R3: a GBK character far into a file that starts in ASCII still makes it GBK (the whole file is "
            + "checked)")
    void lateGbkByte() throws IOException {
        StringBuilder ascii = new StringBuilder();
        while (ascii.length() < 200_000) {
            ascii.append("1,TAX_MAJOR_VIOLATION,A,B,C\n");
        }
        byte[] bytes = (ascii + "2,黄石,甲,乙,丙\n").getBytes(GBK);

        assertThat(CsvFile.detectEncoding(new ByteArrayInputStream(bytes)).charset()).isEqualTo(CsvFile.GB18030);
    }

    @Test
    @DisplayName("R3: row numbers are the clerk's: empty lines count, a quoted line break does not start a row")
    void rowNumbers() throws IOException {
        byte[] bytes = "名称,事由\n\n甲,\"虚开\n增值税发票\"\n乙,逃税\n".getBytes(StandardCharsets.UTF_8);

        List<SheetRow> rows = read(bytes);

        assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(1).isEmpty()).isTrue();
        assertThat(rows.get(2).cell(1)).isEqualTo("虚开\n增值税发票");
        assertThat(rows.get(3).cells()).containsExactly("乙", "逃税");
    }

    @Test
    @DisplayName("R3: a tab-separated export is read by its tabs")
    void tabs() throws IOException {
        List<SheetRow> rows = read("名称\t事由\n甲\t逃税, 虚开\n".getBytes(StandardCharsets.UTF_8));

        assertThat(rows.get(1).cells()).containsExactly("甲", "逃税, 虚开");
    }

    @Test
    @DisplayName("R3: a broken quote stops the read after the last good record")
    void malformed() throws IOException {
        Path file = Files.write(dir.resolve("bad.csv"), "名称,事由\n甲,逃税\n乙,\"未闭合\n".getBytes(StandardCharsets.UTF_8));
        List<SheetRow> seen = new ArrayList<>();

        assertThatThrownBy(() -> CsvFile.open(file).read(0, false, seen::add))
                .isInstanceOf(UnreadableSpreadsheetException.class)
                .satisfies(e -> assertThat(((UnreadableSpreadsheetException) e).lastRow()).isEqualTo(2));
        assertThat(seen).hasSize(2);
    }

    @Test
    @DisplayName("R3: the format is told by content: PDF, old .xls, binary and empty files are refused, text is CSV")
    void formatByContent() throws IOException {
        assertThat(Spreadsheets.detect(Files.write(dir.resolve("a.xlsx"), HEADER.getBytes(GBK))))
                .isEqualTo(SpreadsheetFormat.CSV);
        assertThat(Spreadsheets.detect(Files.write(dir.resolve("b.csv"), Workbooks.xlsx("s", List.of(List.of("x"))))))
                .isEqualTo(SpreadsheetFormat.XLSX);
        for (byte[] refused : List.of("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), new byte[0],
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                        (byte) 0xE1, 0},
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D})) {
            Path file = Files.write(dir.resolve("refused" + Arrays.hashCode(refused)), refused);
            assertThatThrownBy(() -> Spreadsheets.detect(file)).isInstanceOf(InvalidUploadException.class);
        }
    }

    private List<SheetRow> read(byte[] bytes) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "t", ".csv"), bytes);
        List<SheetRow> rows = new ArrayList<>();
        CsvFile.open(file).read(0, false, rows::add);
        return rows;
    }
}
