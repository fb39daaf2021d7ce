package io.creditloop.sharing.forward;

import io.creditloop.contracts.sharing.v1.ForwardAction;
import io.creditloop.messaging.EventCodec;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxFilePlatformTest {

    private static final Instant NOW = Instant.parse("2026-02-13T02:00:00Z");

    @TempDir
    Path exports;

    @Test
    @DisplayName("R3/R6: a batch becomes one xlsx in Huangshi annex 1's columns, keyed by 报送编号, acknowledged per row")
    void batchFile() throws IOException {
        XlsxFilePlatform platform = platform(exports.resolve("province"));
        Forward organisation = forward(ForwardAction.LISTING, """
                {"action":"LISTING","listingId":"3f0c2b8e-5d7a-4c1e-9b6f-2a8d4e1c7b90","listingVersion":2,"record":{
                 "listType":{"code":"TAX_MAJOR_VIOLATION","version":1,"name":"重大税收违法案件当事人名单","kind":"BLACK",
                             "department":"tax"},
                 "subject":{"key":"USCC:91420200MA4KLB7Q32","type":"ORGANISATION","name":"黄石某某贸易有限公司",
                            "uscc":"91420200MA4KLB7Q32","legalRepresentative":"张三"},
                 "reason":"虚开增值税专用发票","basis":"《中华人民共和国税收征收管理法》","recognisingDepartment":"tax",
                 "recognitionDate":"2026-02-13","validFrom":"2026-02-13","validUntil":"2028-02-12"}}""");
        Forward person = forward(ForwardAction.EXIT, """
                {"action":"EXIT","listingId":"3f0c2b8e-5d7a-4c1e-9b6f-2a8d4e1c7b91","listingVersion":3,"record":{
                 "listType":{"code":"WAGE_ARREARS","version":1,"name":"拖欠农民工工资失信联合惩戒对象名单","kind":"BLACK",
                             "department":"hrss"},
                 "subject":{"key":"ID:RESIDENT:x","type":"PERSON","name":"李四","idType":"RESIDENT",
                            "idNumber":"420102199003071232"},
                 "recognisingDepartment":"hrss","exitReason":"REPAIRED","exitDate":"2026-02-13"}}""");

        List<DeliveryOutcome> outcomes = platform.deliver(List.of(organisation, person));

        List<Path> files;
        try (Stream<Path> listed = Files.list(exports.resolve("province"))) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1);
        String name = files.get(0).getFileName().toString();
        assertThat(name).startsWith("province-20260213T100000000-").endsWith(".xlsx");
        assertThat(outcomes).containsExactly(new DeliveryOutcome.Delivered(name + "#2"),
                new DeliveryOutcome.Delivered(name + "#3"));

        List<List<String>> rows = read(files.get(0));
        assertThat(rows.get(0)).containsExactlyElementsOf(XlsxFilePlatform.COLUMNS);
        assertThat(rows.get(0).subList(2, 12)).containsExactly("名单类型", "名称/姓名", "统一社会信用代码", "法定代表人",
                "身份证号码", "列入名单事由", "认定部门", "认定依据", "认定日期", "有效期");
        assertThat(rows.get(1)).containsExactly(organisation.forwardId().toString(), "列入",
                "黑名单(重大税收违法案件当事人名单)", "黄石某某贸易有限公司", "91420200MA4KLB7Q32", "张三", "",
                "虚开增值税专用发票", "tax", "《中华人民共和国税收征收管理法》", "2026-02-13", "2026-02-13至2028-02-12", "", "",
                "");
        assertThat(rows.get(2).get(1)).isEqualTo("移出");
        assertThat(rows.get(2).get(6)).isEqualTo("420102199003071232");
        assertThat(rows.get(2).subList(12, 14)).containsExactly("2026-02-13", "信用修复");
    }

    @Test
    @DisplayName("R6: a directory that cannot be written fails the delivery (retried later), leaving no partial file")
    void unwritableDirectoryFails() throws IOException {
        Path notADirectory = Files.writeString(exports.resolve("city"), "a file where the directory should be");
        XlsxFilePlatform platform = platform(notADirectory);

        List<DeliveryOutcome> outcomes = platform.deliver(List.of(forward(ForwardAction.LISTING, "{\"record\":{}}")));

        assertThat(outcomes).singleElement().isInstanceOf(DeliveryOutcome.Failed.class);
    }

    private XlsxFilePlatform platform(Path directory) {
        PlatformGuard guard = new PlatformGuard(Retry.ofDefaults("t"), CircuitBreaker.ofDefaults("t"),
                Bulkhead.ofDefaults("t"));
        return new XlsxFilePlatform("province", directory, new EventCodec().objectMapper(),
                Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")), guard);
    }

    private static Forward forward(ForwardAction action, String payload) {
        return Forward.pending(UUID.randomUUID(), UUID.randomUUID(), 2, "province", action, payload,
                LocalDate.of(2026, 3, 5), NOW, "tax");
    }

    private static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < XlsxFilePlatform.COLUMNS.size(); c++) {
                    values.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
