package io.creditloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.Topics;
import io.creditloop.testsupport.Identifiers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out on one machine (issue 9, docs/SCALE-OUT.md): a second instance of sanction-service and of
 * publication-service joins the first on the same database and broker. Kafka splits the listing topic's partitions
 * (keyed by subject, so a subject's events stay in order on one instance) between the two members of each consumer
 * group; both instances handle a share of an import, and every listing still has exactly its three tasks and one
 * board entry; both publication instances answer the same board search. The gateway, restarted with both instances
 * of each ({@code SANCTION_URLS}, {@code PUBLICATION_URLS}: F6), spreads board searches and sanction GETs over them,
 * and keeps answering board searches when one publication instance is killed.
 */
class ScaleOutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLED = "/actuator/metrics/creditloop.inbox.handled";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("two instances of sanction and of publication share the listing topic and do each listing once")
    void twoInstancesShareTheWork() throws Exception {
        Suite suite = Suite.get();
        String sanction2 = suite.startInstance("sanction-service", 2);
        String publication2 = suite.startInstance("publication-service", 2);
        boolean gatewayRestarted = false;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka()))) {
            for (String group : List.of("sanction-service", "publication-service")) {
                await(group + ": two members, each with partitions of the listing topic")
                        .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> assertThat(listingTopicShares(admin, group)).hasSize(2)
                                .allSatisfy(partitions -> assertThat(partitions).isPositive()));
            }
            // F6: the gateway now lists both instances of each
            suite.kill("gateway");
            gatewayRestarted = true;
            suite.restart("gateway");
            Map<String, Double> before = handled(suite, List.of("sanction-service", sanction2,
                    "publication-service", publication2));

            Api tax = new Callers(suite.gateway()).department("tax");
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Map<String, Object> listing = new LinkedHashMap<>(Listings.taxBlack(
                        "扩容测试" + run + "第" + i + "号有限公司", Identifiers.uscc()));
                listing.put("submissionId", "scale-" + run + "-" + i);
                batch.add(listing);
            }
            for (int first = 0; first < batch.size(); first += 20) {
                Api.Reply reply = tax.post("/api/listings/batch", Map.of("listings", batch.subList(first, first + 20)));
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                assertThat(reply.json().get("created").asInt()).isEqualTo(20);
            }

            try (Connection db = DriverManager.getConnection(suite.database().jdbcUrl(),
                    suite.database().username(), suite.database().password())) {
                await("every listing once in sanction (3 tasks) and on the board").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                            assertThat(count(db, "SELECT count(*) FROM sanction.sanction_task WHERE listing_id IN "
                                    + "(SELECT id FROM identification.listing WHERE submission_id LIKE ?)", run))
                                    .isEqualTo(180);
                            assertThat(count(db, "SELECT count(*) FROM publication.board_entry WHERE listing_id IN "
                                    + "(SELECT id FROM identification.listing WHERE submission_id LIKE ?)", run))
                                    .isEqualTo(60);
                        });
                assertThat(count(db, "SELECT count(*) FROM (SELECT listing_id, agency_code FROM "
                        + "sanction.sanction_task WHERE listing_id IN (SELECT id FROM identification.listing WHERE "
                        + "submission_id LIKE ?) GROUP BY listing_id, agency_code HAVING count(*) > 1) twice", run))
                        .as("a task twice").isZero();
            }

            Map<String, Double> after = handled(suite, List.of("sanction-service", sanction2,
                    "publication-service", publication2));
            assertThat(after).allSatisfy((instance, total) -> assertThat(total - before.get(instance))
                    .as("events handled by %s during the import", instance).isPositive());

            String name = Api.query("扩容测试" + run + "第7号");
            for (String instance : List.of("publication-service", publication2)) {
                JsonNode page = get(suite.url(instance) + "/api/board?q=" + name);
                assertThat(page.get("items")).as(instance).hasSize(1);
            }

            // F6: through the gateway, board searches and a sanction GET reach both instances
            List<String> boards = List.of("publication-service", publication2);
            List<String> sanctions = List.of("sanction-service", sanction2);
            String board = "/api/board";
            String loop = "/api/sanction/listings/{listingId}/loop";
            Map<String, Double> boardBefore = requests(suite, boards, board);
            Map<String, Double> loopBefore = requests(suite, sanctions, loop);
            String listingId;
            try (Connection db = DriverManager.getConnection(suite.database().jdbcUrl(),
                    suite.database().username(), suite.database().password());
                 PreparedStatement select = db.prepareStatement(
                         "SELECT id FROM identification.listing WHERE submission_id = ?")) {
                select.setString(1, "scale-" + run + "-7");
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    listingId = rs.getString(1);
                }
            }
            for (int i = 0; i < 10; i++) {
                assertThat(get(suite.gateway() + "/api/board?q=" + name).get("items")).hasSize(1);
                Api.Reply reply = tax.get("/api/sanction/listings/" + listingId + "/loop");
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            }
            await("the instances counted the calls").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Map<String, Double> boardAfter = requests(suite, boards, board);
                Map<String, Double> loopAfter = requests(suite, sanctions, loop);
                for (String instance : boards) {
                    assertThat(boardAfter.get(instance) - boardBefore.get(instance))
                            .as("board searches on %s", instance).isPositive();
                }
                assertThat(boards.stream().mapToDouble(i -> boardAfter.get(i) - boardBefore.get(i)).sum())
                        .isEqualTo(10);
                for (String instance : sanctions) {
                    assertThat(loopAfter.get(instance) - loopBefore.get(instance))
                            .as("sanction GETs on %s", instance).isPositive();
                }
            });

            // one publication instance killed: every board search through the gateway still answers
            suite.stopInstance(publication2);
            for (int i = 0; i < 20; i++) {
                assertThat(get(suite.gateway() + "/api/board?q=" + name).get("items")).as("search %s", i).hasSize(1);
                Thread.sleep(250);
            }
        } finally {
            suite.stopInstance(sanction2);
            suite.stopInstance(publication2);
            if (gatewayRestarted) {
                suite.kill("gateway");
                suite.restart("gateway");
            }
        }
    }

    /** Requests each instance has answered for a URI pattern ({@code http.server.requests}, per instance). */
    private Map<String, Double> requests(Suite suite, List<String> instances, String uri) throws Exception {
        Map<String, Double> totals = new LinkedHashMap<>();
        for (String instance : instances) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(suite.url(instance)
                    + "/actuator/metrics/http.server.requests?tag=uri:"
                    + java.net.URLEncoder.encode(uri, java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            totals.put(instance, response.statusCode() == 404 ? 0.0
                    : JSON.readTree(response.body()).get("measurements").get(0).get("value").asDouble());
        }
        return totals;
    }

    /** Member → partitions of the listing topic assigned to it, in a consumer group. */
    private static List<Long> listingTopicShares(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        List<Long> shares = new ArrayList<>();
        for (MemberDescription member : description.members()) {
            shares.add(member.assignment().topicPartitions().stream()
                    .filter(partition -> partition.topic().equals(Topics.LISTING_EVENTS)).count());
        }
        return shares;
    }

    private Map<String, Double> handled(Suite suite, List<String> instances) throws Exception {
        Map<String, Double> totals = new LinkedHashMap<>();
        for (String instance : instances) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(suite.url(instance)
                    + HANDLED)).build(), HttpResponse.BodyHandlers.ofString());
            totals.put(instance, response.statusCode() == 404 ? 0.0
                    : JSON.readTree(response.body()).get("measurements").get(0).get("value").asDouble());
        }
        return totals;
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static long count(Connection db, String sql, String run) throws Exception {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, "%" + run + "%");
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
