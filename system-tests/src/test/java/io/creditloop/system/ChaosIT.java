package io.creditloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.testsupport.Identifiers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, faults (the CI-sized version of bench/chaos/run.sh): the tax bureau imports listings through the gateway
 * in batches, retrying a batch that failed exactly as a department's system does (same submission ids), while each
 * app and then the Kafka broker is killed with SIGKILL and restarted in turn. Then, by counting in every service's
 * own schema: every accepted listing is in identification once, has its R9 tasks in sanction once per agency, its
 * R6 forwards in sharing once per platform and its R7 board entry in publication once; no consumer group of the
 * suite has an event left unconsumed, and no dead-letter record is there without its reason or concerns these
 * listings.
 */
class ChaosIT {

    private static final Logger log = LoggerFactory.getLogger(ChaosIT.class);
    /** A batch every {@value #PAUSE_MS} ms until the last restart: the import spans every kill. */
    private static final int BATCH = Integer.getInteger("creditloop.chaos.batch", 10);
    private static final long PAUSE_MS = Long.getLong("creditloop.chaos.pause-ms", 1_000);
    /** bench/chaos/run.sh: import at least this many, repeating the rounds of kills until then. */
    private static final int TARGET = Integer.getInteger("creditloop.chaos.listings", 0);
    /** bench/chaos/run.sh: a command that restarts the PostgreSQL server (fast shutdown) in each round. */
    private static final String POSTGRES_RESTART = System.getProperty("creditloop.chaos.postgres-restart");
    /** How long the services may take to work off the import once the kills are over. */
    private static final Duration SETTLE = Duration.ofMinutes(Long.getLong("creditloop.chaos.settle-minutes", 6));
    /** R9: TAX_MAJOR_VIOLATION's enforcing agencies as sanction-service seeds them. */
    private static final int TASKS_PER_LISTING = 3;
    private static final List<String> VICTIMS = List.of("identification-service", "sanction-service",
            "sharing-service", "publication-service", "repair-service", "gateway");
    private static final List<String> SERVICES = List.of("identification-service", "sharing-service",
            "sanction-service", "repair-service", "publication-service");

    @Test
    @DisplayName("kill -9 of every app and of the broker during an import: nothing lost, nothing twice")
    void crashesLoseAndDoubleNothing() throws Exception {
        Suite suite = Suite.get();
        Api tax = new Callers(suite.gateway()).department("tax");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Importer importer = new Importer(tax, run);
        Thread thread = new Thread(importer, "chaos-importer");
        Instant begin = Instant.now();
        thread.start();

        List<String> killed = new ArrayList<>();
        do { // one round in CI; rounds until TARGET listings are sent in bench/chaos/run.sh
            for (String victim : VICTIMS) {
                Thread.sleep(2_000);
                suite.kill(victim);
                Thread.sleep(1_000);
                suite.restart(victim);
                killed.add(victim);
            }
            Thread.sleep(2_000);
            if (suite.killBroker()) {
                Thread.sleep(3_000);
                suite.restartBroker();
                killed.add("kafka");
            }
            if (POSTGRES_RESTART != null) {
                Thread.sleep(2_000);
                restartPostgres();
                killed.add("postgresql");
            }
        } while (importer.sent < TARGET && thread.isAlive());
        importer.stop = true;
        thread.join(Duration.ofMinutes(10).toMillis());
        Instant imported = Instant.now();
        assertThat(thread.isAlive()).as("the import ended").isFalse();
        assertThat(importer.failure.get()).as("the import met no refusal").isNull();
        Set<String> accepted = importer.accepted;
        log.info("chaos: {} listings accepted in {} s while killing {} ({} retried batches)", accepted.size(),
                Duration.between(begin, Instant.now()).toSeconds(), killed, importer.retries);
        assertThat(accepted).hasSize(importer.sent);
        assertThat(importer.retries).as("the kills did hit the import").isPositive();

        try (Connection db = DriverManager.getConnection(suite.database().jdbcUrl(), suite.database().username(),
                suite.database().password())) {
            Set<String> ids = Set.copyOf(accepted);
            await("every accepted listing through the whole loop").atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                        assertThat(perListing(db, "SELECT id::text, count(*) FROM identification.listing "
                                + "WHERE submission_id LIKE ? GROUP BY id", run)).as("identification")
                                .containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
                        assertThat(perListing(db, "SELECT t.listing_id::text, count(*) FROM sanction.sanction_task t "
                                + "WHERE t.listing_id IN (SELECT id FROM identification.listing WHERE submission_id "
                                + "LIKE ?) GROUP BY t.listing_id", run)).as("sanction tasks")
                                .containsOnlyKeys(ids)
                                .allSatisfy((id, n) -> assertThat(n).isEqualTo(TASKS_PER_LISTING));
                        assertThat(perListing(db, "SELECT b.listing_id::text, count(*) FROM publication.board_entry b "
                                + "WHERE b.listing_id IN (SELECT id FROM identification.listing WHERE submission_id "
                                + "LIKE ?) GROUP BY b.listing_id", run)).as("board entries")
                                .containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
                        long platforms = platforms(db);
                        assertThat(perListing(db, "SELECT f.listing_id::text || ' ' || f.platform, count(*) "
                                + "FROM sharing.forward f WHERE f.action = 'LISTING' AND f.listing_id IN "
                                + "(SELECT id FROM identification.listing WHERE submission_id LIKE ?) "
                                + "GROUP BY f.listing_id, f.platform", run)).as("forwards")
                                .hasSize((int) (ids.size() * platforms))
                                .allSatisfy((key, n) -> assertThat(n).isEqualTo(1));
                    });
            log.info("chaos: every service had worked off the import {} s after it ended",
                    Duration.between(imported, Instant.now()).toSeconds());
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka()))) {
            await("no event left unconsumed").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(lag(admin)).isEmpty());
            List<String> deadLetters = admin.listTopics().names().get().stream()
                    .filter(topic -> topic.endsWith(".dlt")).toList();
            for (ConsumerRecord<String, String> record : read(suite.kafka(), deadLetters)) {
                assertThat(record.headers().lastHeader("kafka_dlt-exception-message"))
                        .as("a dead letter in %s carries its reason", record.topic()).isNotNull();
                assertThat(accepted).as("a dead letter of this import in %s", record.topic())
                        .noneMatch(id -> record.value() != null && record.value().contains(id));
            }
        }
    }

    private static void restartPostgres() throws java.io.IOException, InterruptedException {
        Process restart = new ProcessBuilder("bash", "-c", POSTGRES_RESTART).inheritIO().start();
        assertThat(restart.waitFor()).as("PostgreSQL restarted by: %s", POSTGRES_RESTART).isZero();
    }

    /** The import: batches of {@value #BATCH} until stopped, each retried with the same submission ids until it is answered. */
    private static final class Importer implements Runnable {
        final Set<String> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final AtomicReference<String> failure = new AtomicReference<>();
        volatile int retries;
        volatile int sent;
        volatile boolean stop;
        private final Api tax;
        private final String run;

        Importer(Api tax, String run) {
            this.tax = tax;
            this.run = run;
        }

        @Override
        public void run() {
            for (int first = 0; !stop && failure.get() == null; first += BATCH) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = first; i < first + BATCH; i++) {
                    Map<String, Object> listing = new LinkedHashMap<>(Listings.taxBlack(
                            "混沌测试" + run + "第" + i + "号有限公司", Identifiers.uscc()));
                    listing.put("submissionId", "chaos-" + run + "-" + i);
                    batch.add(listing);
                }
                submit(Map.of("listings", batch));
                sent += batch.size();
                try {
                    Thread.sleep(PAUSE_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void submit(Map<String, Object> batch) {
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
            while (Instant.now().isBefore(giveUp)) {
                Api.Reply reply;
                try {
                    reply = tax.post("/api/listings/batch", batch);
                } catch (RuntimeException e) { // connection refused or cut: the gateway is down
                    reply = null;
                }
                if (reply != null && reply.status() == 200) {
                    for (JsonNode item : reply.json().get("results")) {
                        String outcome = item.get("outcome").asText();
                        if (!outcome.equals("CREATED") && !outcome.equals("DUPLICATE")) {
                            failure.set("refused: " + item);
                            return;
                        }
                        accepted.add(item.get("id").asText());
                    }
                    return;
                }
                if (reply != null && reply.status() < 500 && reply.status() != 429) {
                    failure.set("HTTP " + reply.status() + ": " + reply.body());
                    return;
                }
                retries++;
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            failure.set("a batch was not answered for 4 minutes");
        }
    }

    private static Map<String, Long> perListing(Connection db, String sql, String run) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, "chaos-" + run + "-%");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** R6: the platforms this deployment forwards to, as sharing has them for the earliest listings. */
    private static long platforms(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT count(DISTINCT platform) FROM sharing.forward");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Partitions where a consumer group of the suite's services has not consumed up to the end: group → lag. */
    private static Map<String, Long> lag(Admin admin) throws ExecutionException, InterruptedException {
        Map<String, Long> lagging = new HashMap<>();
        Broker.consumerLag(admin, group -> SERVICES.stream().anyMatch(group::startsWith)).forEach((group, partitions) ->
                partitions.forEach((partition, behind) -> lagging.put(group + " " + partition, behind)));
        return lagging;
    }

    private static List<ConsumerRecord<String, String>> read(String bootstrap, List<String> topics) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (topics.isEmpty()) {
            return records;
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(topics);
            Set<String> seen = new HashSet<>();
            Instant until = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (seen.add(record.topic() + "/" + record.partition() + "/" + record.offset())) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }
}
