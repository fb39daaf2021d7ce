package io.creditloop.simulator.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformEndpointIT {

    @Autowired
    TestRestTemplate http;

    private final String platform = "p-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    @DisplayName("R6: a forward without an Idempotency-Key is refused with 400")
    void idempotencyKeyIsRequired() {
        ResponseEntity<Map> answer = post(null, "{\"listingId\":\"a\"}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsKey("reason");
    }

    @Test
    @DisplayName("R6: the same Idempotency-Key again returns the first acknowledgement and stores nothing new")
    void repeatedKeyIsIdempotent() {
        String key = UUID.randomUUID().toString();
        String record = "{\"action\":\"LISTING\",\"record\":{\"basis\":\"《税收征收管理法》\"}}";

        ResponseEntity<Map> first = post(key, record);
        ResponseEntity<Map> again = post(key, record);
        ResponseEntity<Map> other = post(UUID.randomUUID().toString(), record);

        String prefix = platform.toUpperCase();
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("acknowledgement", prefix + "-1");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("acknowledgement", prefix + "-1");
        assertThat(other.getBody()).containsEntry("acknowledgement", prefix + "-2");
        List<Map> received = http.getForObject("/platforms/{p}/records", List.class, platform);
        assertThat(received).extracting(r -> r.get("idempotencyKey")).hasSize(2).containsOnlyOnce(key);
    }

    @Test
    @DisplayName("a key reused for a different record is refused with 422")
    void keyReusedForAnotherRecordIsRefused() {
        String key = UUID.randomUUID().toString();
        post(key, "{\"n\":1}");

        ResponseEntity<Map> answer = post(key, "{\"n\":2}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    @DisplayName("a platform that is down answers 503 until it is up again")
    void downPlatformAnswers503() {
        behave("{\"downUntil\":\"" + Instant.now().plusSeconds(3600) + "\"}");
        String key = UUID.randomUUID().toString();

        assertThat(post(key, "{\"n\":1}").getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        behave("{\"downUntil\":null}");
        assertThat(post(key, "{\"n\":1}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    @DisplayName("a record whose field contains the configured text is rejected with 422 and a reason")
    void rejectRuleAnswers422() {
        behave("{\"rejectWhenFieldContains\":{\"field\":\"record.basis\",\"value\":\"待补充\"}}");

        ResponseEntity<Map> refused = post(UUID.randomUUID().toString(), "{\"record\":{\"basis\":\"依据待补充\"}}");
        ResponseEntity<Map> accepted = post(UUID.randomUUID().toString(), "{\"record\":{\"basis\":\"《税法》\"}}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) refused.getBody().get("reason")).contains("record.basis").contains("待补充");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.getForObject("/platforms/{p}/records", List.class, platform)).hasSize(1);
    }

    @Test
    @DisplayName("R6: a platform down for a duration answers 503; stats count distinct records once")
    void downForAndStats() {
        behave("{\"downFor\":\"PT1H\"}");
        String key = UUID.randomUUID().toString();
        assertThat(post(key, "{\"n\":1}").getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        Map<?, ?> behaviour = http.getForObject("/platforms/{p}/behaviour", Map.class, platform);
        assertThat(behaviour.get("downUntil")).isNotNull();

        behave("{}");
        assertThat(post(key, "{\"n\":1}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(key, "{\"n\":1}").getStatusCode()).isEqualTo(HttpStatus.OK);

        @SuppressWarnings("unchecked")
        Map<String, Object> stats = http.getForObject("/platforms/{p}/stats", Map.class, platform);
        assertThat(stats).containsEntry("distinctRecords", 1).containsEntry("replays", 1)
                .containsEntry("downAnswers", 1);
    }

    @Test
    @DisplayName("a slow platform answers after the configured delay")
    void delayedAnswer() {
        behave("{\"delayMillis\":300}");

        long started = System.nanoTime();
        ResponseEntity<Map> answer = post(UUID.randomUUID().toString(), "{\"n\":1}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    private ResponseEntity<Map> post(String idempotencyKey, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/platforms/{p}/records", HttpMethod.POST, new HttpEntity<>(json, headers), Map.class,
                platform);
    }

    private void behave(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> answer = http.exchange("/platforms/{p}/behaviour", HttpMethod.PUT,
                new HttpEntity<>(json, headers), Map.class, platform);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
