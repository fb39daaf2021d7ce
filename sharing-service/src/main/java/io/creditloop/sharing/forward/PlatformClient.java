package io.creditloop.sharing.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.messaging.EventCodec;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Pushes one forward to one platform: POST of the payload with {@code Idempotency-Key: <forwardId>}, so a repeated
 * attempt (a lost answer, a lease that ran out) is recognised by the platform instead of recorded twice.
 */
@Component
class PlatformClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_TEXT = 500;
    /** Client errors that say "not now" rather than "not this record". */
    private static final Set<Integer> TRANSIENT_4XX = Set.of(408, 425, 429);

    private final RestClient http;
    private final ObjectMapper json;

    PlatformClient(RestClient.Builder builder, SharingProperties properties, EventCodec codec) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.requestFactory(requests).build();
        this.json = codec.objectMapper();
    }

    DeliveryOutcome send(URI platformUrl, Forward forward) {
        try {
            return http.post()
                    .uri(platformUrl)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(IDEMPOTENCY_KEY, forward.forwardId().toString())
                    .body(forward.payload().getBytes(StandardCharsets.UTF_8))
                    .exchange((request, response) -> outcome(response.getStatusCode(), read(response.getBody())));
        } catch (RestClientException e) {
            // connection refused, timeout, reset: the platform did not answer
            return new DeliveryOutcome.Failed(abbreviate(e.getMessage()));
        }
    }

    private DeliveryOutcome outcome(HttpStatusCode status, String body) {
        if (status.is2xxSuccessful()) {
            return new DeliveryOutcome.Delivered(field(body, "acknowledgement"));
        }
        if (status.is4xxClientError() && !TRANSIENT_4XX.contains(status.value())) {
            String reason = field(body, "reason");
            if (reason == null) {
                reason = field(body, "detail");
            }
            // a platform's raw body may echo the record back, ID number included: only its stated reason is kept
            return new DeliveryOutcome.Rejected(reason == null ? "HTTP " + status.value() : reason);
        }
        return new DeliveryOutcome.Failed("HTTP " + status.value());
    }

    private String field(String body, String name) {
        try {
            JsonNode value = json.readTree(body).path(name);
            return value.isValueNode() && !value.asText().isBlank() ? maskIdNumbers(abbreviate(value.asText())) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern ID_NUMBER =
            java.util.regex.Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{5,8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

    /** R16: a reason that quotes a resident ID number keeps only its first 6 and last 4 characters. */
    static String maskIdNumbers(String text) {
        return text == null ? null : ID_NUMBER.matcher(text).replaceAll("$1********$2");
    }

    private static String read(InputStream body) throws IOException {
        return body == null ? "" : new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "no detail";
        }
        String trimmed = text.strip();
        return trimmed.length() <= MAX_TEXT ? trimmed : trimmed.substring(0, MAX_TEXT) + "…";
    }
}
