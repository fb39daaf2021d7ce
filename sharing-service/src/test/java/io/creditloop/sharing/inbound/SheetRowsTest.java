package io.creditloop.sharing.inbound;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SheetRowsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("an .xlsx is streamed row by row with its row numbers; a date cell becomes an ISO date")
    void xlsx() throws IOException {
        Path file = dir.resolve("list.xlsx");
        Files.write(file, UpstreamFiles.xlsx(List.of(
                List.of("说明：法院失信被执行人名单"),
                Arrays.asList("案号", "名单名称", null, "认定日期"),
                Arrays.asList("(2025)鄂01执1号", "失信被执行人名单", null, LocalDate.of(2025, 3, 1)))));

        List<String> seen = new ArrayList<>();
        new XlsxRows(file).read((number, cells) -> seen.add(number + ":" + cells));

        assertThat(seen).containsExactly("1:[说明：法院失信被执行人名单]", "2:[案号, 名单名称, null, 认定日期]",
                "3:[(2025)鄂01执1号, 失信被执行人名单, null, 2025-03-01]");
    }

    @Test
    @DisplayName("a file that is no workbook is unreadable, not a server error")
    void notAWorkbook() throws IOException {
        Path file = dir.resolve("fake.xlsx");
        Files.writeString(file, "案号,名单名称");
        assertThatThrownBy(() -> new XlsxRows(file).read((n, c) -> { }))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining(".xlsx");
    }

    @Test
    @DisplayName("a CSV saved by Excel on a Chinese Windows (GBK) reads like UTF-8 with a BOM")
    void csvEncodings() throws IOException {
        String text = UpstreamFiles.csv(List.of(List.of("案号", "名称/姓名"), List.of("A-1", "黄石某某贸易有限公司")));
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, text.getBytes(Charset.forName("GBK")));
        Path utf8 = dir.resolve("utf8.csv");
        Files.write(utf8, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));

        for (Path file : List.of(gbk, utf8)) {
            List<String> seen = new ArrayList<>();
            new CsvRows(file).read((number, cells) -> seen.add(number + ":" + cells));
            assertThat(seen).containsExactly("1:[案号, 名称/姓名]", "2:[A-1, 黄石某某贸易有限公司]");
        }
    }

    @Test
    @DisplayName("the header maps columns in any order by their Chinese names; a missing required column is named")
    void header() {
        UpstreamSheet sheet = UpstreamSheet.ofHeader(1, Arrays.asList("序号", "名称/姓名", "*案号", "名单名称",
                "名单类型（必填）", "主体类型", "身份证号码"));
        RawUpstreamRecord record = sheet.record(4, Arrays.asList("1", "李四", "A-1", "失信被执行人名单", "黑", "自然人"));
        assertThat(record.position()).isEqualTo(4);
        assertThat(record.value(UpstreamField.UPSTREAM_ID)).isEqualTo("A-1");
        assertThat(record.value(UpstreamField.ID_NUMBER)).isNull();
        assertThat(record.column(UpstreamField.KIND)).isEqualTo("名单类型（必填）");

        assertThatThrownBy(() -> UpstreamSheet.ofHeader(2, List.of("案号", "名单名称", "名称", "统一社会信用代码")))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("名单类型").hasMessageContaining("subjectType")
                .satisfies(e -> assertThat(((UnreadableFileException) e).row()).isEqualTo(2));
    }
}
