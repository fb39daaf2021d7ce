package io.creditloop.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end tests' Kafka broker: a single-node KRaft broker in a process of its own, started with the same
 * script as ./run.sh (tools/kafka/kafka.sh, the Maven Central jars), so a test can kill it with SIGKILL and start it
 * again on the same port and data. Not used when {@code CREDITLOOP_TEST_KAFKA} names a broker.
 */
final class Broker {

    private static final Logger log = LoggerFactory.getLogger(Broker.class);
    private static final String SETTING = "CREDITLOOP_TEST_KAFKA";

    private final Path script;
    private final Path runDir;
    private final Path output;
    private final int port;
    private final int controllerPort;

    private Broker(Path root, Path logs) {
        this.script = root.resolve("tools/kafka/kafka.sh");
        this.runDir = root.resolve("system-tests/target/kafka");
        this.output = logs.resolve("kafka-script.log");
        this.port = Suite.freePort();
        this.controllerPort = Suite.freePort();
    }

    /** A broker of the suite's own, or null when the environment names one (then it cannot be killed). */
    static Broker startUnlessGiven(Path root, Path logs) {
        String given = System.getProperty(SETTING, System.getenv(SETTING));
        if (given != null && !given.isBlank()) {
            log.info("Kafka broker given by {}: {}", SETTING, given);
            return null;
        }
        Broker broker = new Broker(root, logs);
        broker.clean();
        broker.start();
        // TestServers (and through it every app of the suite) uses this broker
        System.setProperty(SETTING, "127.0.0.1:" + broker.port);
        return broker;
    }

    void start() {
        run("start", 180);
    }

    /** Stops it and deletes its data (the topics of this test JVM). */
    void clean() {
        run("clean", 60);
    }

    /** SIGKILL, as a crash or a pulled plug would end it, then waits until the process is gone. */
    void kill() {
        Path pidFile = runDir.resolve("kafka-" + port + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroyForcibly();
                process.onExit().join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file of the broker: " + pidFile, e);
        }
    }

    /** The broker process's id, from kafka.sh's pid file. */
    long pid() {
        try {
            return Long.parseLong(Files.readString(runDir.resolve("kafka-" + port + ".pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String command, int timeoutSeconds) {
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            Map<String, String> env = builder.environment();
            env.put("KAFKA_PORT", String.valueOf(port));
            env.put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
            env.put("KAFKA_RUN_DIR", runDir.toString());
            env.put("KAFKA_HEAP_OPTS", "-Xmx384m -Xms64m");
            env.put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kafka.sh " + command + " took over " + timeoutSeconds + " s; see "
                        + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kafka.sh " + command + " failed; see " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Per consumer group accepted by {@code groups}: the partitions it has not consumed up to their end, and by how
     * many records. Groups without lag are left out.
     */
    static Map<String, Map<TopicPartition, Long>> consumerLag(Admin admin, java.util.function.Predicate<String> groups)
            throws ExecutionException, InterruptedException {
        Map<String, Map<TopicPartition, Long>> lagging = new java.util.TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (!groups.test(group.groupId())) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            committed.forEach((partition, offset) -> {
                long behind = ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
                if (behind > 0) {
                    lagging.computeIfAbsent(group.groupId(), g -> new HashMap<>()).put(partition, behind);
                }
            });
        }
        return lagging;
    }
}
