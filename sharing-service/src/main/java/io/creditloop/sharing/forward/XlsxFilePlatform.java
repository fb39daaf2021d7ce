package io.creditloop.sharing.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A platform that takes files: each batch of forwards becomes one xlsx workbook in the columns of Huangshi's annex 1
 * (004, the listing report every department already fills), preceded by 报送编号 (the forward id, the platform's key
 * to drop a record it already has) and 报送类型, and followed by the exit and correction columns. The file is written
 * beside its final name and moved into place, so the collecting platform never sees half a file; the acknowledgement
 * is {@code <file>#<row>}. A crash between the move and recording the acknowledgements sends those forwards again in a
 * later file, with the same 报送编号.
 *
 * <p>The files hold the full record (ID numbers included, as the platforms require): the directory must be private
 * to this service and the collecting platform (R16).
 */
final class XlsxFilePlatform implements UpstreamPlatform {

    static final List<String> COLUMNS = List.of("报送编号", "报送类型", "名单类型", "名称/姓名", "统一社会信用代码",
            "法定代表人", "身份证号码", "列入名单事由", "认定部门", "认定依据", "认定日期", "有效期", "移出日期", "移出原因",
            "更正说明");
    private static final Map<String, String> ACTIONS = Map.of("LISTING", "列入", "EXIT", "移出", "CORRECTION", "更正");
    private static final Map<String, String> KINDS = Map.of("RED", "红名单", "BLACK", "黑名单", "GRAY", "重点关注名单");
    private static final Map<String, String> EXIT_REASONS = Map.of("EXPIRED", "有效期届满", "REPAIRED", "信用修复",
            "REVOKED", "撤销", "ERRONEOUS", "错误认定", "STANDARD_CHANGED", "认定标准变化");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

    private final String code;
    private final Path directory;
    private final ObjectMapper json;
    private final Clock clock;
    private final PlatformGuard guard;

    XlsxFilePlatform(String code, Path directory, ObjectMapper json, Clock clock, PlatformGuard guard) {
        this.code = code;
        this.directory = directory;
        this.json = json;
        this.clock = clock;
        this.guard = guard;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public List<DeliveryOutcome> deliver(List<Forward> forwards) {
        if (forwards.isEmpty()) {
            return List.of();
        }
        String name = code + "-" + STAMP.format(clock.instant().atZone(clock.getZone())) + "-"
                + forwards.get(0).forwardId().toString().substring(0, 8) + ".xlsx";
        DeliveryOutcome written = guard.call(() -> write(name, forwards));
        List<DeliveryOutcome> outcomes = new ArrayList<>(forwards.size());
        for (int i = 0; i < forwards.size(); i++) {
            // row 1 is the header
            outcomes.add(written instanceof DeliveryOutcome.Delivered ? new DeliveryOutcome.Delivered(name + "#" + (i + 2))
                    : written);
        }
        return outcomes;
    }

    private DeliveryOutcome write(String name, List<Forward> forwards) {
        Path target = directory.resolve(name);
        Path partial = directory.resolve(name + ".part");
        try {
            Files.createDirectories(directory);
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                 OutputStream out = Files.newOutputStream(partial)) {
                Sheet sheet = workbook.createSheet("报送名单");
                Row header = sheet.createRow(0);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    header.createCell(c).setCellValue(COLUMNS.get(c));
                }
                int r = 1;
                for (Forward forward : forwards) {
                    List<String> values = row(forward);
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
                workbook.write(out);
                workbook.dispose();
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new DeliveryOutcome.Delivered(name);
        } catch (IOException | UncheckedIOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the next attempt writes another name; a stray .part file is never collected
            }
            return new DeliveryOutcome.Failed("cannot write " + target + ": " + e.getMessage());
        }
    }

    /** One forward in the columns above. */
    List<String> row(Forward forward) {
        JsonNode payload;
        try {
            payload = json.readTree(forward.payload());
        } catch (IOException e) {
            throw new UncheckedIOException("forward " + forward.forwardId() + " has an unreadable payload", e);
        }
        JsonNode record = payload.path("record");
        JsonNode subject = record.path("subject");
        JsonNode listType = record.path("listType");
        String kind = KINDS.getOrDefault(listType.path("kind").asText(), listType.path("kind").asText());
        boolean person = "PERSON".equals(subject.path("type").asText());
        String validity = record.hasNonNull("validFrom")
                ? text(record, "validFrom") + "至" + (record.hasNonNull("validUntil") ? text(record, "validUntil") : "长期")
                : "";
        return List.of(
                forward.forwardId().toString(),
                ACTIONS.getOrDefault(forward.action().name(), forward.action().name()),
                kind + "(" + text(listType, "name") + ")",
                text(subject, "name"),
                text(subject, "uscc"),
                text(subject, "legalRepresentative"),
                person ? text(subject, "idNumber") : "",
                text(record, "reason"),
                text(record, "recognisingDepartment"),
                text(record, "basis"),
                text(record, "recognitionDate"),
                validity,
                text(record, "exitDate"),
                EXIT_REASONS.getOrDefault(text(record, "exitReason"), text(record, "exitReason")),
                text(record, "correctionNote"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
