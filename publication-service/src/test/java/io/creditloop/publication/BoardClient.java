package io.creditloop.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The board's HTTP API as the tests read it. */
public record BoardClient(TestRestTemplate http, ObjectMapper json) {

    public JsonNode get(String uri, Object... variables) {
        ResponseEntity<String> response = http.getForEntity(uri, String.class, variables);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("GET " + uri + ": " + response.getStatusCode() + " " + response.getBody());
        }
        return body(response);
    }

    public HttpStatus status(String uri, Object... variables) {
        return HttpStatus.valueOf(http.getForEntity(uri, String.class, variables).getStatusCode().value());
    }

    public JsonNode awaitOnBoard(UUID listingId) {
        return body(await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/api/board/{id}", String.class, listingId),
                r -> r.getStatusCode() == HttpStatus.OK));
    }

    public void awaitOffBoard(UUID listingId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/api/board/{id}", listingId),
                status -> status == HttpStatus.NOT_FOUND);
    }

    /** Every change of the delta feed, read from the start in pages as a mirror would. */
    public List<JsonNode> allChanges() {
        List<JsonNode> changes = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = get("/api/board/changes?after={after}&limit=1000", after);
            page.get("items").forEach(changes::add);
            after = page.get("next").asLong();
            if (!page.get("more").asBoolean()) {
                return changes;
            }
        }
    }

    /** The delta feed's changes of one listing, oldest first. */
    public List<JsonNode> changesOf(UUID listingId) {
        return allChanges().stream().filter(c -> c.get("listingId").asText().equals(listingId.toString())).toList();
    }

    /** The public announcement of the listing, or {@code null}. */
    public JsonNode announcement(UUID listingId) {
        for (JsonNode a : get("/api/board/announcements?size=100").get("items")) {
            if (a.get("listingId").asText().equals(listingId.toString())) {
                return a;
            }
        }
        return null;
    }

    public JsonNode body(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
