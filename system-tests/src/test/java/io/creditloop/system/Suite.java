package io.creditloop.system;

import io.creditloop.testsupport.TestServers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as a user runs it: every app's runnable jar in a process of its own, on the real Kafka and
 * PostgreSQL that {@link TestServers} chose. Started once per test JVM; apps can be killed (SIGKILL) and restarted.
 * The Kafka broker is a process of its own too ({@link Broker}, tools/kafka/kafka.sh), so it can be killed and
 * restarted like the apps, unless {@code CREDITLOOP_TEST_KAFKA} names a broker to use.
 */
final class Suite {

    private static final Logger log = LoggerFactory.getLogger(Suite.class);
    static final List<String> APPS = List.of("identification-service", "sharing-service", "sanction-service",
            "repair-service", "publication-service", "simulator", "gateway");
    /**
     * Light JVMs for tests on 2 cores (quick start, C1 only); a benchmark sets {@code creditloop.suite.jvm-options}
     * (space-separated) to run the apps as production would, e.g. with the full JIT; {@code {app}} in an option is
     * replaced by the instance's name (one flight recording per app: {@code -XX:StartFlightRecording=filename=/tmp/{app}.jfr}).
     */
    private static final List<String> JVM_OPTIONS = List.of(System.getProperty("creditloop.suite.jvm-options",
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx256m").trim().split("\\s+"));
    private static Suite instance;
    private static RuntimeException failedStart;

    private final Path root = Path.of(System.getProperty("creditloop.root", "..")).toAbsolutePath().normalize();
    private final String version = System.getProperty("creditloop.version", "0.1.0-SNAPSHOT");
    private final Path logs = root.resolve("system-tests/target/system-logs");

    private Path calendarDir() {
        return logs.resolve("calendar");
    }
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Broker broker = Broker.startUnlessGiven(root, logs);
    private final TestServers servers = TestServers.get();
    private Duration coldStart;
    /** bench/loop: when each instance's process was started, and how long it took until it first answered ready. */
    private final Map<String, Instant> startedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Duration> readyAfter = new java.util.concurrent.ConcurrentHashMap<>();

    static synchronized Suite get() {
        if (failedStart != null) {
            throw new IllegalStateException("the suite failed to start earlier in this JVM", failedStart);
        }
        if (instance == null) {
            Suite suite = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(suite::stopAll, "stop-suite"));
            try {
                suite.startAll();
            } catch (RuntimeException e) {
                suite.stopAll();
                failedStart = e;
                throw e;
            }
            instance = suite;
        }
        return instance;
    }

    private void startAll() {
        try {
            Files.createDirectories(logs);
            // test-support's 2027 fixture (weekends only; see its text): the apps run on the real clock, and from
            // 2026-12-23 a deadline of 7 working days runs into 2027, for which this build ships no arrangement
            Files.createDirectories(calendarDir());
            try (var fixture = Suite.class.getResourceAsStream("/calendar/2027.json")) {
                if (fixture == null) {
                    throw new IllegalStateException("test-support's calendar/2027.json is not on the classpath");
                }
                Files.copy(fixture, calendarDir().resolve("2027.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        killLeftovers();
        for (String app : APPS) {
            ports.put(app, freePort());
        }
        Instant begin = Instant.now();
        APPS.forEach(this::start);
        // all polled together, so each app's time to ready is its own, not the slowest earlier one's
        org.awaitility.Awaitility.await("every app ready").atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    boolean all = true;
                    for (String app : APPS) {
                        all &= readyAfter.containsKey(app) || ready(app);
                    }
                    return all;
                });
        coldStart = Duration.between(begin, Instant.now());
        log.info("suite up in {} s ({})", coldStart.toSeconds(), servers.describe());
    }

    /**
     * Starts another instance of an app (named {@code app#n}) on a port of its own, with the same database, broker
     * and consumer groups as the first, and waits until it is ready (SCALE-OUT: two instances on one machine).
     */
    String startInstance(String app, int n) {
        String instance = app + "#" + n;
        ports.put(instance, freePort());
        start(instance);
        awaitReady(instance, Duration.ofSeconds(180));
        return instance;
    }

    /** SIGKILL to an instance {@link #startInstance} started, which is then forgotten (a restarted gateway no
     * longer lists it). */
    void stopInstance(String instance) {
        kill(instance);
        ports.remove(instance);
    }

    /** The app's first instance and those {@link #startInstance} added, in start order. */
    List<String> instancesOf(String app) {
        return ports.keySet().stream().filter(name -> name.equals(app) || name.startsWith(app + "#")).toList();
    }

    void start(String instance) {
        String app = instance.contains("#") ? instance.substring(0, instance.indexOf('#')) : instance;
        Path jar = root.resolve(app).resolve("target").resolve(app + "-" + version + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("missing " + jar + ": build with ./mvnw verify from the root");
        }
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        JVM_OPTIONS.forEach(option -> command.add(option.replace("{app}", instance.replace('#', '-'))));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(instance.replace('#', '-') + ".log")
                        .toFile()));
        Map<String, String> env = builder.environment();
        TestServers.Database db = servers.database();
        env.put("PORT", String.valueOf(ports.get(instance)));
        env.put("DATABASE_URL", db.jdbcUrl());
        env.put("DATABASE_USER", db.username());
        env.put("DATABASE_PASSWORD", db.password() == null ? "" : db.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrapServers());
        env.put("DB_POOL_SIZE", "3");
        env.put("IDENTIFICATION_URL", url("identification-service"));
        env.put("SHARING_URL", url("sharing-service"));
        env.put("SANCTION_URL", url("sanction-service"));
        env.put("REPAIR_URL", url("repair-service"));
        env.put("PUBLICATION_URL", url("publication-service"));
        // the gateway balances over every instance started so far (SCALE-OUT F6); one instance: the _URL alone
        for (String service : List.of("identification", "sharing", "sanction", "repair", "publication")) {
            List<String> urls = instancesOf(service + "-service").stream().map(this::url).toList();
            if (urls.size() > 1) {
                env.put(service.toUpperCase(java.util.Locale.ROOT) + "_URLS", String.join(",", urls));
            }
        }
        env.put("CITY_PLATFORM_URL", url("simulator") + "/platforms/city/records");
        env.put("PROVINCE_PLATFORM_URL", url("simulator") + "/platforms/province/records");
        env.put("NATION_PLATFORM_URL", url("simulator") + "/platforms/nation/records");
        // the tests answer as the enforcing agencies themselves
        env.put("DEMO_AGENCY_ENABLED", "false");
        env.put("CALENDAR_DIR", calendarDir().toString());
        // R16: the bootstrap client the tests register the other callers with (Callers); the development key pair
        env.put("GATEWAY_DEV_SECRET", Callers.ADMIN_SECRET);
        env.put("GATEWAY_TOKEN_TTL", "2h");
        // every test class gets its callers' tokens from 127.0.0.1: above the per-address login limit's default
        env.put("GATEWAY_LOGIN_RATE_LIMIT", "1000");
        try {
            readyAfter.remove(instance);
            startedAt.put(instance, Instant.now());
            Process process = builder.start();
            processes.put(instance, process);
            Files.writeString(pids(), process.pid() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + instance, e);
        }
    }

    private Path pids() {
        return logs.resolve("pids");
    }

    /** Apps of an earlier test JVM that was killed before its shutdown hook could stop them. */
    private void killLeftovers() {
        try {
            if (Files.exists(pids())) {
                for (String line : Files.readAllLines(pids())) {
                    ProcessHandle.of(Long.parseLong(line.strip()))
                            .filter(p -> p.info().commandLine().orElse("").contains("-exec.jar"))
                            .ifPresent(ProcessHandle::destroyForcibly);
                }
                Files.delete(pids());
            }
        } catch (IOException | NumberFormatException e) {
            log.warn("could not sweep leftover apps: {}", e.toString());
        }
    }

    /** SIGKILL: no shutdown hook, no graceful close, exactly like a crash. */
    void kill(String app) {
        Process process = processes.remove(app);
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void restart(String app) {
        start(app);
        awaitReady(app, Duration.ofSeconds(180));
    }

    void awaitReady(String app, Duration timeout) {
        org.awaitility.Awaitility.await(app + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> ready(app));
    }

    private boolean ready(String app) throws InterruptedException {
        Process process = processes.get(app);
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(app + " died during start-up; see " + logs.resolve(app + ".log"));
        }
        try {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                            URI.create(url(app) + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean up = ready.statusCode() == 200 && ready.body().contains("UP");
            if (up && startedAt.containsKey(app)) {
                readyAfter.putIfAbsent(app, Duration.between(startedAt.get(app), Instant.now()));
            }
            return up;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** SIGTERM to every app, a bounded wait for their graceful shutdown, then SIGKILL to any still running. */
    void stopAll() {
        processes.values().forEach(Process::destroy);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        for (Process process : processes.values()) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.waitFor(left, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
        if (broker != null) {
            broker.clean();
        }
    }

    /** SIGTERM (a graceful shutdown, offsets committed), waiting up to 30 s before SIGKILL. */
    void stop(String app) {
        Process process = processes.remove(app);
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The operating system's id of a running app's process (bench/loop reads its /proc entries). */
    long pid(String app) {
        Process process = processes.get(app);
        if (process == null) {
            throw new IllegalStateException(app + " is not running");
        }
        return process.pid();
    }

    /** The broker's process id, or -1 when the suite does not own the broker. */
    long brokerPid() {
        return broker == null ? -1 : broker.pid();
    }

    /** How long an app took from its process start until it first answered ready (null if not yet). */
    Duration readyAfter(String app) {
        return readyAfter.get(app);
    }

    /** The JVM options every app is started with. */
    static List<String> jvmOptions() {
        return JVM_OPTIONS;
    }

    /** SIGKILL to the Kafka broker (a crash: no controlled shutdown); false if the suite does not own it. */
    boolean killBroker() {
        if (broker == null) {
            return false;
        }
        broker.kill();
        return true;
    }

    /** Starts the broker again on the same port and data directory, and waits until it answers. */
    void restartBroker() {
        broker.start();
    }

    String url(String app) {
        return "http://127.0.0.1:" + ports.get(app);
    }

    /** The log an app writes (every start appends to it). */
    Path log(String app) {
        return logs.resolve(app + ".log");
    }

    String gateway() {
        return url("gateway");
    }

    String kafka() {
        return servers.kafkaBootstrapServers();
    }

    /** The database every app's schema is in, for tests that look behind the APIs (R11 erasure). */
    TestServers.Database database() {
        return servers.database();
    }

    /** Where each app's output goes ({@code <app>.log}). */
    Path logDirectory() {
        return logs;
    }

    Duration coldStart() {
        return coldStart;
    }

    long residentKilobytes() {
        long total = 0;
        for (Process process : processes.values()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux, or the process just ended
            }
        }
        return total;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
