package io.creditloop.identification.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Spreadsheet intake end to end against real PostgreSQL and Kafka: upload, background processing, report. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // small chunks, so the tests see uploads span several chunks
        // the lease check runs only when a test calls it
        properties = {"creditloop.identification.lifecycle-enabled=false", "creditloop.intake.chunk-rows=2",
                "creditloop.intake.lease-check=1h"})
class IntakeApiIT {

    private static final String USCC = "91420200MA4KLB7Q32";
    private static final String LEGAL_REP_ID = "420202198001011237";
    private static final String PERSON_ID = "420201197503152012";
    private static final List<Object> HUANGSHI_HEADER = List.of("名单类型", "法人和其他组织名称(或自然人姓名)",
            "统一社会信用代码", "法定代表人(单位负责人)姓名", "身份证号码", "列入名单事由", "认定部门(单位)", "认定依据",
            "认定日期", "有效期", "联系电话");

    @Autowired
    io.creditloop.security.PersonalDataCipher cipher;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IntakeUploads uploads;
    @Autowired
    IntakeRunner runner;
    @Autowired
    IntakeWorker worker;
    @Autowired
    IntakeProperties properties;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    @DisplayName("R3: a Huangshi annex 1 workbook: good rows become listings, bad rows are rejected with row, column "
            + "and reason; the same file again changes nothing; the report marks the bad rows")
    void huangshiWorkbook() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = Workbooks.xlsx("名单", huangshiRows(tag, "91420200MA4KLB7Q33", "2017-2-30"));

        ResponseEntity<JsonNode> accepted = upload(file, "huangshi.xlsx", "tax", null);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getHeaders().getLocation())
                .hasToString("/api/intake/uploads/" + accepted.getBody().get("id").asText());
        assertThat(accepted.getBody().get("template").asText()).isEqualTo("HUANGSHI_ANNEX1");
        JsonNode done = awaitFinished(accepted.getBody().get("id").asText());
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(counts(done)).containsExactly(6L, 3L, 3L, 0L);
        assertThat(done.get("notes").toString()).contains("联系电话");

        JsonNode rejections = http.getForObject("/api/intake/uploads/" + done.get("id").asText()
                + "/rejections?size=50", JsonNode.class);
        assertThat(rejections.get("total").asLong()).isEqualTo(3);
        assertThat(rows(rejections)).containsExactly("5|统一社会信用代码|uscc", "6|认定日期|recognitionDate",
                "9|身份证号码|idNumber");
        assertThat(rejections.get("items").get(2).get("message").asText()).contains("15");
        assertThat(rejections.toString()).doesNotContain(PERSON_ID).doesNotContain("42020319900620");

        String id = done.get("id").asText();
        assertThat(listings(id)).isEqualTo(3);
        // issue 8: stored encrypted, read back whole
        assertThat(column(id, 4, "id_number")).startsWith(io.creditloop.security.PersonalDataCipher.PREFIX)
                .doesNotContain(PERSON_ID);
        assertThat(cipher.decrypt(column(id, 4, "id_number"))).isEqualTo(PERSON_ID);
        assertThat(cipher.decrypt(column(id, 3, "legal_representative_id_number"))).isEqualTo(LEGAL_REP_ID);
        assertThat(column(id, 8, "valid_until")).isEqualTo("2019-04-19");

        JsonNode again = awaitFinished(upload(file, "huangshi-again.xlsx", "tax", null).getBody().get("id").asText());
        assertThat(counts(again)).containsExactly(6L, 0L, 3L, 3L);
        assertThat(listings(again.get("id").asText())).isEqualTo(3);
        assertThat(column(again.get("id").asText(), 3, "l.id::text")).isEqualTo(column(id, 3, "l.id::text"));

        // the clerk fixes two rejected rows and uploads the whole file again: only those two are new
        byte[] corrected = Workbooks.xlsx("名单", correctedRows(tag));
        JsonNode fixed = awaitFinished(upload(corrected, "huangshi-fixed.xlsx", "tax", null).getBody().get("id")
                .asText());
        assertThat(counts(fixed)).containsExactly(6L, 2L, 1L, 3L);
        assertThat(jdbc.sql("SELECT count(*) FROM listing WHERE subject_name LIKE :n").param("n", "%" + tag + "%")
                .query(Long.class).single()).isEqualTo(5);

        try (XSSFWorkbook report = report(done.get("id").asText())) {
            Sheet sheet = report.getSheet("名单");
            int errors = HUANGSHI_HEADER.size();
            assertThat(text(sheet, 0, 0)).isEqualTo("红黑名单及联合奖惩对象信息记录报送格式");
            assertThat(text(sheet, 1, errors)).isEqualTo(ReportWriter.ERROR_COLUMN);
            assertThat(text(sheet, 2, errors)).isNull();
            assertThat(text(sheet, 4, errors)).startsWith("统一社会信用代码");
            assertThat(text(sheet, 5, errors)).startsWith("认定日期");
            assertThat(text(sheet, 8, errors)).startsWith("身份证号码");
            assertThat(text(sheet, 3, 4)).isEqualTo(PERSON_ID);
        }
    }

    @Test
    @DisplayName("R3: a Daye annex 4 persons CSV saved in GBK: decoded, 目录事项 as reason and list type, 证件类型 mapped")
    void dayePersonsGbkCsv() throws IOException {
        Charset gbk = Charset.forName("GBK");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String text;
        try (InputStream in = getClass().getResourceAsStream("/intake/daye-persons-gbk.csv")) {
            text = new String(in.readAllBytes(), gbk).replace("王小五", "王小五" + tag).replace("Smith John",
                    "Smith John " + tag);
        }

        JsonNode done = awaitFinished(upload(text.getBytes(gbk), "大冶自然人.csv", "hrss", null).getBody().get("id")
                .asText());

        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("template").asText()).isEqualTo("DAYE_ANNEX4_PERSONS");
        assertThat(counts(done)).containsExactly(4L, 2L, 2L, 0L);
        assertThat(done.get("notes").toString()).contains("目录事项");
        JsonNode rejections = http.getForObject("/api/intake/uploads/" + done.get("id").asText() + "/rejections",
                JsonNode.class);
        assertThat(rows(rejections)).containsExactly("6|证件号码|idNumber", "7|公布类别(红/黑榜)|publicationCategory");
        String id = done.get("id").asText();
        assertThat(column(id, 5, "l.id_type || '|' || l.list_type_code || '|' || l.reason"))
                .isEqualTo("PASSPORT|WAGE_ARREARS|拖欠农民工工资");
        assertThat(column(id, 4, "l.subject_name")).isEqualTo("王小五" + tag);

        try (XSSFWorkbook report = report(done.get("id").asText())) {
            Sheet sheet = report.getSheet(CsvFile.SHEET);
            assertThat(text(sheet, 2, 9)).isEqualTo(ReportWriter.ERROR_COLUMN);
            assertThat(text(sheet, 5, 9)).startsWith("证件号码");
            assertThat(text(sheet, 3, 9)).isNull();
            assertThat(text(sheet, 3, 2)).isEqualTo("王小五" + tag);
        }
    }

    @Test
    @DisplayName("R3: a file that is not a spreadsheet is refused with 400 and nothing is stored")
    void notASpreadsheet() {
        String name = "photo-" + UUID.randomUUID() + ".xlsx";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

        ResponseEntity<JsonNode> refused = upload(png, name, "tax", null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.getBody().get("type").asText()).endsWith("invalid-upload");
        assertThat(refused.getBody().get("detail").asText()).contains(".xlsx", ".csv");
        assertThat(uploadsNamed(name)).isZero();
    }

    @Test
    @DisplayName("R3: a missing required column fails the upload with 400 before any row is written")
    void missingRequiredColumn() {
        String name = "no-date-" + UUID.randomUUID() + ".csv";
        String tag = UUID.randomUUID().toString();
        String csv = "名单类型,名称/姓名,统一社会信用代码,法定代表人,身份证号码,列入名单事由,有效期\n"
                + "TAX_MAJOR_VIOLATION,缺列" + tag + "有限公司," + USCC + ",张三,,偷税,2年\n";

        ResponseEntity<JsonNode> refused = upload(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), name, "tax",
                null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("detail").asText()).contains("认定日期");
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(uploadsNamed(name)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM listing WHERE subject_name = :n").param("n", "缺列" + tag + "有限公司")
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("R3: an upload over Spring's default 1 MB multipart limit is taken (the limit follows "
            + "creditloop.intake.max-file-size); a listType parameter applies to every row")
    void largerThanOneMegabyte() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "名称/姓名,统一社会信用代码,法定代表人,身份证号码,列入名单事由,认定日期,有效期,附件说明\n"
                + "大文件" + tag + "有限公司," + USCC + ",张三,,偷税,2017-4-20,2年," + "附".repeat(600_000) + "\n";
        byte[] bytes = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(1_500_000);

        ResponseEntity<JsonNode> accepted = upload(bytes, "big.csv", "tax", "重大税收违法案件当事人名单");

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().get("listType").asText()).isEqualTo("TAX_MAJOR_VIOLATION");
        JsonNode done = awaitFinished(accepted.getBody().get("id").asText());
        assertThat(counts(done)).containsExactly(1L, 1L, 0L, 0L);
        assertThat(done.get("notes").toString()).contains("附件说明");
    }

    @Test
    @DisplayName("R2: a listType parameter the department does not own is refused with 400")
    void foreignListTypeParameter() {
        ResponseEntity<JsonNode> refused = upload(huangshi(UUID.randomUUID().toString(), 1), "x.xlsx", "hrss",
                "TAX_MAJOR_VIOLATION");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("listType");
    }

    @Test
    @DisplayName("R3: a workbook damaged in its sheet data ends FAILED, naming the last good row, before any row is "
            + "written")
    void damagedWorkbook() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] damaged = Workbooks.damagedAfterRow(huangshi(tag, 6), 6);

        JsonNode failed = awaitFinished(upload(damaged, "damaged.xlsx", "tax", null).getBody().get("id").asText());

        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asText()).contains("第 5 行之后", "nothing was written");
        assertThat(counts(failed)).containsExactly(0L, 0L, 0L, 0L);
        assertThat(jdbc.sql("SELECT count(*) FROM listing WHERE subject_name LIKE :n").param("n", "%" + tag + "%")
                .query(Long.class).single()).isZero();
        ResponseEntity<byte[]> report = http.getForEntity("/api/intake/uploads/" + failed.get("id").asText()
                + "/report.xlsx", byte[].class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("R3: an upload stopped part-way is handed back and resumes after its last finished chunk, counting "
            + "each row once; the chunk being read when it stopped is not written")
    void resumesAfterInterruption() throws IOException {
        UUID id = runningUpload(5);
        AtomicInteger rowsSeen = new AtomicInteger();

        // the header and three data rows, then the process "stops": the first chunk (two rows) is written
        runner.run(uploads.find(id).orElseThrow(), () -> rowsSeen.incrementAndGet() > 4);

        assertThat(uploads.find(id).orElseThrow().state()).isEqualTo(UploadState.RECEIVED);
        assertThat(uploads.find(id).orElseThrow().progress().rowsRead()).isEqualTo(2);
        assertThat(listings(id.toString())).isEqualTo(2);

        worker.resumeInterrupted();

        JsonNode done = awaitFinished(id.toString());
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(counts(done)).containsExactly(5L, 5L, 0L, 0L);
        assertThat(listings(id.toString())).isEqualTo(5);
    }

    @Test
    @DisplayName("R3: an upload whose instance died (no heartbeat for the lease time) is taken over and finished; one "
            + "whose instance is alive is left to it")
    void abandonedUploadIsTakenOver() throws IOException {
        UUID alive = runningUpload(3);
        UUID abandoned = runningUpload(3);
        jdbc.sql("UPDATE intake_upload SET heartbeat_at = now() WHERE id = :id").param("id", alive).update();
        jdbc.sql("UPDATE intake_upload SET heartbeat_at = now() - interval '5 minutes' WHERE id = :id")
                .param("id", abandoned).update();

        worker.resumeInterrupted();

        assertThat(awaitFinished(abandoned.toString()).get("state").asText()).isEqualTo("DONE");
        assertThat(listings(abandoned.toString())).isEqualTo(3);
        assertThat(uploads.find(alive).orElseThrow().state()).isEqualTo(UploadState.RUNNING);
        assertThat(listings(alive.toString())).isZero();
        jdbc.sql("UPDATE intake_upload SET state = 'FAILED' WHERE id = :id").param("id", alive).update();
    }

    @Test
    @DisplayName("R3: an instance's heartbeat keeps its running upload (a long damage check writes no chunk for "
            + "minutes) from being taken over")
    void heartbeatKeepsARunningUpload() throws IOException {
        UUID busy = runningUpload(2);
        jdbc.sql("UPDATE intake_upload SET heartbeat_at = now() - interval '5 minutes' WHERE id = :id")
                .param("id", busy).update();

        uploads.heartbeat(java.util.Map.of(busy, 1));

        assertThat(uploads.requeueAbandoned(java.time.Duration.ofSeconds(60))).isZero();
        assertThat(uploads.find(busy).orElseThrow().state()).isEqualTo(UploadState.RUNNING);
        jdbc.sql("UPDATE intake_upload SET state = 'FAILED' WHERE id = :id").param("id", busy).update();
    }

    @Test
    @DisplayName("R3, SCALE-OUT F2: an instance whose upload was taken over writes nothing more: not its progress, "
            + "not its outcome, and its heartbeat does not keep the new claim alive")
    void aStaleClaimWritesNothing() throws IOException {
        UUID upload = runningUpload(2); // claimed once: claim 1
        jdbc.sql("UPDATE intake_upload SET heartbeat_at = now() - interval '5 minutes' WHERE id = :id")
                .param("id", upload).update();
        assertThat(uploads.requeueAbandoned(java.time.Duration.ofSeconds(60))).isEqualTo(1);
        // another instance claims it (claim 2) — as claimNext does, without letting this JVM's worker run it
        jdbc.sql("UPDATE intake_upload SET state = 'RUNNING', attempts = attempts + 1, heartbeat_at = now() "
                + "- interval '5 minutes' WHERE id = :id").param("id", upload).update();

        Progress late = new Progress(2, 2, 0, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> uploads.progress(upload, 1, late))
                .isInstanceOf(IntakeUploads.LeaseLost.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> uploads.finish(upload, 1, UploadState.DONE, late,
                java.time.Instant.now(), null)).isInstanceOf(IntakeUploads.LeaseLost.class);
        uploads.release(upload, 1, late);
        uploads.heartbeat(java.util.Map.of(upload, 1));

        IntakeUpload now = uploads.find(upload).orElseThrow();
        assertThat(now.state()).isEqualTo(UploadState.RUNNING);
        assertThat(now.attempts()).isEqualTo(2);
        assertThat(now.progress()).isEqualTo(Progress.NONE);
        assertThat(uploads.requeueAbandoned(java.time.Duration.ofSeconds(60))).as("the stale beat kept nothing alive")
                .isEqualTo(1);
        jdbc.sql("UPDATE intake_upload SET state = 'FAILED' WHERE id = :id").param("id", upload).update();
    }

    @Test
    @DisplayName("R3: an upload's request id is kept with it; the background worker imports in its name, so every listing event it makes carries it")
    void uploadTracedByItsRequestId() {
        String requestId = "dept-tax-upload-" + UUID.randomUUID();
        List<List<Object>> sheet = new ArrayList<>();
        sheet.add(HUANGSHI_HEADER.subList(0, 10));
        for (int i = 1; i <= 3; i++) { // 2 chunks
            sheet.add(List.of("黑名单(重大税收违法案件)", "溯源" + i + "有限公司", io.creditloop.testsupport.Identifiers.uscc(),
                    "张三", LEGAL_REP_ID, "虚开增值税专用发票", "市国税局", "《中华人民共和国税收征收管理法》", "2017-4-20",
                    "2年"));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(io.creditloop.contracts.RequestIds.HEADER, requestId);

        ResponseEntity<JsonNode> accepted = upload(Workbooks.xlsx("名单", sheet), "traced.xlsx", "tax", null, headers);
        assertThat(accepted.getHeaders().getFirst(io.creditloop.contracts.RequestIds.HEADER)).isEqualTo(requestId);
        String id = accepted.getBody().get("id").asText();
        JsonNode done = awaitFinished(id);

        assertThat(counts(done)).containsExactly(3L, 3L, 0L, 0L);
        assertThat(uploads.find(UUID.fromString(id)).orElseThrow().requestId()).isEqualTo(requestId);
        List<Map<String, Object>> events = jdbc.sql("""
                        SELECT o.listing_id, o.request_id FROM intake_row r JOIN outbox o ON o.listing_id = r.listing_id
                        WHERE r.upload_id = :id AND o.event_type LIKE 'listing.%'""")
                .param("id", UUID.fromString(id)).query().listOfRows();
        assertThat(events.stream().map(e -> e.get("listing_id")).distinct()).hasSize(3);
        assertThat(events).extracting(e -> e.get("request_id")).containsOnly(requestId);
    }

    /** An upload as an instance that took it leaves it: RUNNING, no row written, no heartbeat yet. */
    private UUID runningUpload(int rows) throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] bytes = huangshi(tag, rows);
        UUID id = UUID.randomUUID();
        Path stored = Files.createDirectories(properties.storagePath()).resolve(id + ".xlsx");
        Files.write(stored, bytes);
        String sha256 = IntakeService.sha256(stored);
        // claimed once and beating, as claimNext leaves it (claim 1), in one transaction: the service's own lease
        // check (every 15 s) must never see a running upload without a heartbeat, or it takes the upload over
        tx.executeWithoutResult(status -> {
            uploads.insert(new IntakeUpload(id, "tax", null, "interrupted.xlsx", stored, bytes.length,
                    sha256, SpreadsheetFormat.XLSX, "HUANGSHI_ANNEX1", List.of(), UploadState.RUNNING,
                    Progress.NONE, 1, java.time.Instant.now(), java.time.Instant.now(), null, null, null));
            jdbc.sql("UPDATE intake_upload SET attempts = 1, heartbeat_at = now() WHERE id = :id").param("id", id)
                    .update();
        });
        return id;
    }

    @Test
    @DisplayName("an unknown upload is a 404 problem")
    void unknownUpload() {
        ResponseEntity<JsonNode> missing = http.getForEntity("/api/intake/uploads/" + UUID.randomUUID(),
                JsonNode.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("type").asText()).endsWith("upload-not-found");
    }

    /**
     * Huangshi annex 1 with a title line, an extra column, an organisation, a person whose ID is in a numeric cell
     * (exact digits) and whose date is a date cell, a bad USCC, an impossible date, an empty row, a validity range,
     * and a person whose ID Excel stored as a number (digits lost).
     */
    private static List<List<Object>> huangshiRows(String tag, String badUscc, String badDate) {
        return Arrays.asList(
                List.of("红黑名单及联合奖惩对象信息记录报送格式"),
                HUANGSHI_HEADER,
                Arrays.asList("黑名单(重大税收违法案件)", "黄石" + tag + "贸易有限公司", USCC, "张三", LEGAL_REP_ID,
                        "虚开增值税专用发票", "市国税局", "《中华人民共和国税收征收管理法》", "2017-4-20", "2年", "0714-1234567"),
                Arrays.asList("TAX_MAJOR_VIOLATION", "李四" + tag, null, null, new Workbooks.RawNumber(PERSON_ID),
                        "逃避追缴欠税", null, null, LocalDate.of(2018, 1, 2), "长期"),
                Arrays.asList("黑名单(重大税收违法案件)", "坏代码" + tag + "有限公司", badUscc, "王五", null,
                        "虚开发票", null, null, "2017-4-20", "2年"),
                Arrays.asList("黑名单(重大税收违法案件)", "坏日期" + tag + "有限公司", USCC, null, null, "虚开发票", null,
                        null, badDate, "2年"),
                null,
                Arrays.asList("重大税收违法案件当事人名单", "区间" + tag + "有限公司", USCC, null, null, "偷税", null, null,
                        "2017-04-20", "2017-04-20至2019-04-19"),
                Arrays.asList("TAX_MAJOR_VIOLATION", "赵六" + tag, null, null, 4.20203199006200038E17, "逃税", null,
                        null, "2018-1-2", "1年"));
    }

    private static List<List<Object>> correctedRows(String tag) {
        return huangshiRows(tag, USCC, "2017-2-28");
    }

    /** A Huangshi workbook with a header and {@code rows} good organisation rows (rows 2 ..). */
    private static byte[] huangshi(String tag, int rows) {
        List<List<Object>> sheet = new ArrayList<>();
        sheet.add(HUANGSHI_HEADER.subList(0, 10));
        for (int i = 1; i <= rows; i++) {
            sheet.add(List.of("黑名单(重大税收违法案件)", "第" + i + "家" + tag + "有限公司", USCC, "张三", LEGAL_REP_ID,
                    "虚开增值税专用发票", "市国税局", "《中华人民共和国税收征收管理法》", "2017-4-20", "2年"));
        }
        return Workbooks.xlsx("名单", sheet);
    }

    private ResponseEntity<JsonNode> upload(byte[] content, String fileName, String department, String listType) {
        return upload(content, fileName, department, listType, new HttpHeaders());
    }

    private ResponseEntity<JsonNode> upload(byte[] content, String fileName, String department, String listType,
                                            HttpHeaders headers) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        form.add("department", department);
        if (listType != null) {
            form.add("listType", listType);
        }
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/intake/uploads", new HttpEntity<>(form, headers), JsonNode.class);
    }

    private JsonNode awaitFinished(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = http.getForObject("/api/intake/uploads/" + id, JsonNode.class);
            String state = last[0].get("state").asText();
            return state.equals("DONE") || state.equals("FAILED");
        });
        return last[0];
    }

    private XSSFWorkbook report(String id) throws IOException {
        ResponseEntity<byte[]> report = http.getForEntity("/api/intake/uploads/" + id + "/report.xlsx", byte[].class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getHeaders().getContentType().toString()).contains("spreadsheetml");
        return new XSSFWorkbook(new ByteArrayInputStream(report.getBody()));
    }

    private static String text(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        if (r == null || r.getCell(column) == null) {
            return null;
        }
        return r.getCell(column).getStringCellValue();
    }

    private static List<Long> counts(JsonNode upload) {
        return List.of(upload.get("rowsRead").asLong(), upload.get("accepted").asLong(),
                upload.get("rejected").asLong(), upload.get("duplicates").asLong());
    }

    private static List<String> rows(JsonNode rejections) {
        List<String> rows = new ArrayList<>();
        rejections.get("items").forEach(i -> rows.add(i.get("row").asInt() + "|" + i.get("column").asText() + "|"
                + i.get("field").asText()));
        return rows;
    }

    /** Listings behind an upload's accepted or duplicate rows; intake-made listings carry an upload: id. */
    private long listings(String uploadId) {
        return jdbc.sql("""
                        SELECT count(*) FROM listing l JOIN intake_row r ON r.listing_id = l.id
                        WHERE r.upload_id = :u AND l.submission_id LIKE 'upload:%'""")
                .param("u", UUID.fromString(uploadId)).query(Long.class).single();
    }

    /** A column of the listing made from a row of the upload's first sheet. */
    private String column(String uploadId, int row, String expression) {
        return jdbc.sql("SELECT (" + expression.replaceAll("^(?!l\\.)", "l.") + ")::text FROM listing l "
                        + "JOIN intake_row r ON r.listing_id = l.id "
                        + "WHERE r.upload_id = :u AND r.sheet_index = 0 AND r.row_number = :row")
                .param("u", UUID.fromString(uploadId)).param("row", row).query(String.class).single();
    }

    private long uploadsNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM intake_upload WHERE file_name = :n").param("n", name)
                .query(Long.class).single();
    }

}
