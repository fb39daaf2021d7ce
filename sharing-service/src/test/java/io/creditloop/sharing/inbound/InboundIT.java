package io.creditloop.sharing.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.sharing.v1.UpstreamListingReceived;
import io.creditloop.messaging.EventCodec;
import io.creditloop.sharing.subject.Identifiers;
import io.creditloop.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.LinkedMultiValueMap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closes its context afterwards: a cached context would keep a forwarding consumer in group {@code sharing-service}
 * and a delivery scheduler on the shared forward table, configured for other platforms than ForwardingIT's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class InboundIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(3);

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventCodec codec;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    @DisplayName("R4/R5: a court's record by API is stored and published once on sharing.upstream.listings; sent "
            + "again unchanged, nothing new; removed at the source, revision 2 with inForce false")
    void jsonRecordLifecycle() throws Exception {
        String upstreamId = "(2025)鄂0102执" + run + "号";
        String uscc = Identifiers.uscc();
        Map<String, Object> record = organisation(upstreamId, uscc);
        try (TopicProbe topic = TopicProbe.of(bootstrapServers, Topics.UPSTREAM_LISTINGS)) {
            ResponseEntity<JsonNode> first = post("court", record);
            assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(first.getBody().path("received").asInt()).isEqualTo(1);

            ConsumerRecord<String, String> published = topic.awaitOne(r -> r.key().equals("court:" + upstreamId), WAIT);
            Envelope<Object> event = codec.decode(published.value());
            assertThat(event.type()).isEqualTo(EventTypes.UPSTREAM_LISTING_RECEIVED);
            UpstreamListingReceived data = (UpstreamListingReceived) event.data();
            assertThat(data.revision()).isEqualTo(1);
            assertThat(data.inForce()).isTrue();
            assertThat(data.uscc()).isEqualTo(uscc);
            assertThat(data.recognitionDate()).isEqualTo(LocalDate.of(2025, 3, 1));

            ResponseEntity<JsonNode> again = post("court", List.of(record));
            assertThat(again.getBody().path("unchanged").asInt()).isEqualTo(1);
            assertThat(topic.drain(r -> r.key().equals("court:" + upstreamId), QUIET)).hasSize(1);

            Map<String, Object> removed = new LinkedHashMap<>(record);
            removed.put("inForce", false);
            assertThat(post("court", removed).getBody().path("revised").asInt()).isEqualTo(1);

            List<ConsumerRecord<String, String>> both = topic.await(r -> r.key().equals("court:" + upstreamId), 2, WAIT);
            UpstreamListingReceived second = (UpstreamListingReceived) codec.decode(both.get(1).value()).data();
            assertThat(second.revision()).isEqualTo(2);
            assertThat(second.inForce()).isFalse();
            assertThat(second.id()).isEqualTo(data.id());
            assertThat(topic.drain(r -> r.key().equals("court:" + upstreamId), QUIET)).hasSize(2);
        }
        JsonNode held = http.getForObject("/api/sharing/upstream/court/listings/{id}", JsonNode.class, upstreamId);
        assertThat(held.path("revision").asLong()).isEqualTo(2);
        assertThat(held.path("inForce").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("R4/R5: a CSV with a person and an organisation is stored and published; the ID number is masked "
            + "in the answer and never in the logs")
    void csvFile(CapturedOutput output) throws Exception {
        String id = Identifiers.idNumber();
        String person = "P-" + run;
        String org = "O-" + run;
        String csv = UpstreamFiles.csv(List.of(UpstreamFiles.HEADER,
                row(person, "失信被执行人名单", "黑", "自然人", "李四", null, id, "黄石市中级人民法院", "2025-03-01", null, "有效"),
                row(org, "失信被执行人名单", "黑名单", "法人和其他组织", "黄石某某贸易有限公司", Identifiers.uscc(), null,
                        "黄石市中级人民法院", "2025/3/2", "2028/3/1", null)));
        try (TopicProbe topic = TopicProbe.of(bootstrapServers, Topics.UPSTREAM_LISTINGS)) {
            ResponseEntity<JsonNode> answer = upload("court", "名单.csv", csv.getBytes(StandardCharsets.UTF_8));

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody().path("received").asInt()).isEqualTo(2);
            topic.await(r -> r.key().endsWith(run), 2, WAIT);
            assertThat(topic.drain(r -> r.key().endsWith(run), QUIET)).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("court:" + person, "court:" + org);
        }
        ResponseEntity<String> held = http.getForEntity("/api/sharing/upstream/court/listings/{id}", String.class,
                person);
        assertThat(held.getBody()).contains(id.substring(0, 6) + "********" + id.substring(14)).doesNotContain(id);
        assertThat(output.getAll()).doesNotContain(id);
    }

    @Test
    @DisplayName("R4/R5: an .xlsx (read by streaming) with date cells is stored and published once per record")
    void xlsxFile() throws Exception {
        String upstreamId = "X-" + run;
        byte[] xlsx = UpstreamFiles.xlsx(List.of(
                List.of("上游平台推送名单"),
                List.copyOf(UpstreamFiles.HEADER),
                Arrays.asList(upstreamId, "重大税收违法失信主体", "黑", "法人", "黄石某某建材有限公司", Identifiers.uscc(), null,
                        "国家税务总局", LocalDate.of(2025, 6, 30), LocalDate.of(2028, 6, 29), "有效")));
        try (TopicProbe topic = TopicProbe.of(bootstrapServers, Topics.UPSTREAM_LISTINGS)) {
            ResponseEntity<JsonNode> answer = upload("national", "list.xlsx", xlsx);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody().path("received").asInt()).isEqualTo(1);
            UpstreamListingReceived data = (UpstreamListingReceived) codec.decode(
                    topic.awaitOne(r -> r.key().equals("national:" + upstreamId), WAIT).value()).data();
            assertThat(data.recognitionDate()).isEqualTo(LocalDate.of(2025, 6, 30));
            assertThat(data.validUntil()).isEqualTo(LocalDate.of(2028, 6, 29));
            assertThat(data.listName()).isEqualTo("重大税收违法失信主体");

            assertThat(upload("national", "list.xlsx", xlsx).getBody().path("unchanged").asInt()).isEqualTo(1);
            assertThat(topic.drain(r -> r.key().equals("national:" + upstreamId), QUIET)).hasSize(1);
        }
    }

    @Test
    @DisplayName("R4/R5: bad rows get a 400 naming row, column and reason (zh + en), without echoing the ID number; "
            + "the good row is stored")
    void badRows(CapturedOutput output) {
        String badId = Identifiers.withWrongCheck(Identifiers.idNumber());
        String good = "G-" + run;
        String csv = UpstreamFiles.csv(List.of(UpstreamFiles.HEADER,
                row(good, "失信被执行人名单", "黑", "法人", "黄石某某贸易有限公司", "91420200MA4KLB7Q32", null, null,
                        "2025-03-01", null, null),
                row("B1-" + run, "失信被执行人名单", "黑", "自然人", "王五", null, badId, null, "2025-03-01", null, null),
                row("B2-" + run, "失信被执行人名单", "紫", "法人", "某公司", "91420200MA4KLB7Q33", null, null, "2025-13-01",
                        null, null)));

        ResponseEntity<String> answer = http.postForEntity("/api/sharing/upstream/court/files",
                multipart("bad.csv", csv.getBytes(StandardCharsets.UTF_8)), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = read(answer.getBody());
        assertThat(problem.path("received").asInt()).isEqualTo(1);
        assertThat(problem.path("refused").asInt()).isEqualTo(2);
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(e -> errors.add(e.path("row").asInt() + "|" + e.path("column").asText()));
        assertThat(errors).containsExactlyInAnyOrder("3|身份证号码", "4|名单类型", "4|统一社会信用代码", "4|认定日期");
        assertThat(problem.path("errors").get(0).path("reason").asText()).matches(".*[\\u4e00-\\u9fa5].*\\(.*[a-z].*\\)");
        assertThat(answer.getBody()).doesNotContain(badId);
        assertThat(output.getAll()).doesNotContain(badId);
        assertThat(http.getForEntity("/api/sharing/upstream/court/listings/{id}", String.class, good)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/sharing/upstream/court/listings/{id}", String.class, "B1-" + run)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("R4/R5: a JSON batch's bad record is named by its position and field; the others are stored")
    void badJsonRecord() {
        Map<String, Object> good = organisation("J1-" + run, Identifiers.uscc());
        Map<String, Object> bad = organisation("J2-" + run, "91420200MA4KLB7Q33");
        bad.remove("listName");

        ResponseEntity<JsonNode> answer = post("province", List.of(good, bad));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> errors = new ArrayList<>();
        answer.getBody().path("errors").forEach(e -> errors.add(e.path("record").asInt() + "|" + e.path("field").asText()));
        assertThat(errors).containsExactlyInAnyOrder("2|listName", "2|uscc");
        assertThat(answer.getBody().path("received").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("a platform that is not configured, a file without the required columns, another file type: problems")
    void unreadableSubmissions() {
        ResponseEntity<JsonNode> unknown = post("elsewhere", organisation("U-" + run, Identifiers.uscc()));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> noColumns = upload("court", "x.csv", "案号,名称\r\nA,B\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noColumns.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noColumns.getBody().path("errors").get(0).path("row").asInt()).isEqualTo(1);
        assertThat(noColumns.getBody().path("detail").asText()).contains("名单名称").contains("listName");

        ResponseEntity<JsonNode> pdf = upload("court", "x.pdf", new byte[] {1, 2, 3});
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pdf.getBody().path("detail").asText()).contains(".xlsx");
    }

    static Map<String, Object> organisation(String upstreamId, String uscc) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("upstreamId", upstreamId);
        record.put("listName", "失信被执行人名单");
        record.put("kind", "BLACK");
        record.put("subjectType", "ORGANISATION");
        record.put("name", "黄石某某贸易有限公司");
        record.put("uscc", uscc);
        record.put("authority", "黄石市中级人民法院");
        record.put("recognitionDate", "2025-03-01");
        return record;
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private ResponseEntity<JsonNode> post(String platform, Object body) {
        return http.postForEntity("/api/sharing/upstream/{platform}/listings", body, JsonNode.class, platform);
    }

    private ResponseEntity<JsonNode> upload(String platform, String filename, byte[] content) {
        return http.postForEntity("/api/sharing/upstream/{platform}/files", multipart(filename, content),
                JsonNode.class, platform);
    }

    private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(String filename, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
