package io.creditloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.testsupport.Identifiers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 9, the whole suite's benchmark (bench/loop/run.sh; not an *IT, so CI never runs it): the suite as processes
 * (Suite), the tax bureau importing black listings (3 agency tasks each, R9) through the gateway, and, in one run:
 * <ol>
 *   <li>floors: the listing events themselves COPY'd into a plain table and sent by a raw KafkaProducer (acks=all);</li>
 *   <li>the whole loop's throughput: LISTINGS imported with sanction, sharing, publication and repair stopped, then
 *   those four started together and timed until every task, forward and board entry is written;</li>
 *   <li>loop latency at a steady open-loop rate: listing confirmed → its first task on an agency topic;</li>
 *   <li>memory (RSS, heap after a GC) and cold start, all together and one app at a time.</li>
 * </ol>
 * It uses only what ChaosIT uses (the gateway's batch API, the services' own tables, the contracts' topics), so it
 * can be re-run unchanged after the services' internals change. Figures are "loop: ..." lines, also appended to
 * {@code creditloop.loop.out}.
 */
class LoopBench {

    private static final Logger log = LoggerFactory.getLogger(LoopBench.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LISTINGS = Integer.getInteger("creditloop.loop.listings", 20_000);
    private static final int IMPORT_BATCH = Integer.getInteger("creditloop.loop.batch", 100);
    private static final int IMPORT_THREADS = Integer.getInteger("creditloop.loop.import-threads", 4);
    private static final List<Integer> RATES = java.util.Arrays.stream(
            System.getProperty("creditloop.loop.rates", "500").split(",")).map(String::strip).filter(r -> !r.isEmpty()).map(Integer::valueOf)
            .toList();
    private static final int DURATION_S = Integer.getInteger("creditloop.loop.duration-seconds", 60);
    private static final int DRAIN_S = Integer.getInteger("creditloop.loop.drain-seconds", 180);
    private static final int LOOP_TIMEOUT_S = Integer.getInteger("creditloop.loop.timeout-seconds", 900);
    /** Phase 0: how long the started, unloaded suite's CPU is sampled (0 skips it). */
    /** Phase 4b: cold start of every app alone (false skips it). */
    private static final boolean ONE_AT_A_TIME = Boolean.parseBoolean(
            System.getProperty("creditloop.loop.one-at-a-time", "true"));
    private static final int IDLE_S = Integer.getInteger("creditloop.loop.idle-seconds", 30);
    private static final String OUT = System.getProperty("creditloop.loop.out");
    /**
     * R6: the listings' recognition date, from which each forward's deadline counts. Default: today in the suite's
     * zone (Asia/Shanghai), a department reporting the day it decides, so forwards are due in 5/7/10 working days and
     * raise no alarm. A past date (e.g. 2026-11-02, the runs before 2026-12-03 evening) makes every forward overdue
     * on arrival, so the deadline watch raises an overdue alarm per forward (3 more events per listing).
     */
    private static final LocalDate RECOGNISED = recognitionDate(System.getProperty("creditloop.loop.recognised", ""));
    /** R9: TAX_MAJOR_VIOLATION's enforcing agencies as sanction-service seeds them. */
    private static final int TASKS_PER_LISTING = 3;
    /** Stopped during the import of phase 2, then started together: the listing events' consumers. */
    private static final List<String> CONSUMERS = List.of("sanction-service", "sharing-service",
            "publication-service", "repair-service");
    private static final long TICKS = 100; // USER_HZ on Linux

    private Suite suite;
    private Api tax;
    private Connection db;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    void wholeSuite() throws Exception {
        say("run %s: %d listings recognised %s, import batches of %d on %d threads, rates %s listings/s for %d s "
                        + "each; %d cores, load %s", run, LISTINGS, RECOGNISED, IMPORT_BATCH, IMPORT_THREADS, RATES,
                DURATION_S, Runtime.getRuntime().availableProcessors(), load());
        suite = Suite.get();
        say("phase 4a cold start, all %d apps started together: suite ready after %.1f s; per app (process start → "
                + "readiness 200): %s; load %s", Suite.APPS.size(), suite.coldStart().toMillis() / 1000.0,
                readyTimes(Suite.APPS), load());
        say("JVM options of every app: %s (broker: -Xmx384m, tools/kafka/kafka.sh)", Suite.jvmOptions());
        memory("idle after start");
        tax = new Callers(suite.gateway()).department("tax");
        db = DriverManager.getConnection(suite.database().jdbcUrl(), suite.database().username(),
                suite.database().password());
        idle(IDLE_S);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka()))) {
            if (LISTINGS > 0) {
                wholeLoop(admin);
            }
            for (int rate : RATES) {
                latency(admin, rate);
            }
        }
        memory("after the latency phase");
        if (ONE_AT_A_TIME) {
            oneAtATime();
        }
        say("done, load %s", load());
        db.close();
    }

    // ---------------------------------------------------------------- phase 0: the suite's fixed cost

    /**
     * CPU of the started suite doing nothing (no listing offered): what every later phase pays on top of its own work
     * (schedulers, outbox relay ticks, consumer polls, the broker, health checks), as % of one core per process.
     */
    private void idle(int seconds) throws Exception {
        if (seconds <= 0) {
            return;
        }
        Thread.sleep(10_000); // start-up's tail (first scheduler runs, consumer group joins)
        Map<String, Long> cpu0 = cpu();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        Map<String, Long> cpu1 = cpu();
        StringBuilder out = new StringBuilder();
        cpu1.forEach((name, t) -> out.append(String.format(Locale.ROOT, "%s %.1f %%, ", name,
                (t - cpu0.getOrDefault(name, 0L)) * 100.0 / TICKS / seconds)));
        say("phase 0 idle: CPU over %d s with nothing offered, %% of one core (2 cores = 200 %%): %s; load %s",
                seconds, out, load());
    }

    // ---------------------------------------------------------------- phase 2 (with phase 1's floors inside)

    private void wholeLoop(Admin admin) throws Exception {
        CONSUMERS.forEach(suite::stop);
        say("phase 2: %s stopped; importing %d listings through the gateway, load %s", CONSUMERS, LISTINGS, load());
        Map<String, Long> cpu0 = cpu();
        Instant begin = Instant.now();
        importAll(LISTINGS);
        Instant imported = Instant.now();
        await(() -> count("SELECT count(*) FROM identification.outbox WHERE published_at IS NULL") == 0,
                Duration.ofMinutes(10), "identification's outbox relayed");
        Instant relayed = Instant.now();
        Map<String, Long> cpu1 = cpu();
        long listings = count("SELECT count(*) FROM identification.listing");
        say("phase 2 import: %d listings in identification, imported in %.1f s (%.0f listings/s through the gateway), "
                        + "outbox relayed %.1f s later; CPU s per 1,000 listings: %s; load %s", listings,
                seconds(begin, imported), LISTINGS / seconds(begin, imported), seconds(imported, relayed),
                perThousand(cpu0, cpu1, LISTINGS), load());

        List<ConsumerRecord<String, String>> events = readListingEvents(LISTINGS);
        floors(admin, events);

        Thread.sleep(11_000); // an idle backend reports its table counters within 10 s (PostgreSQL 15)
        Map<String, long[]> rows0 = rowsWritten();
        say("phase 2 loop: starting %s together, load %s", CONSUMERS, load());
        Map<String, Long> cpu2 = cpu();
        Instant start = Instant.now();
        CONSUMERS.forEach(suite::start);
        Map<String, Double> doneAt = new LinkedHashMap<>();
        Map<String, Double> readyAt = new LinkedHashMap<>();
        // the started apps (and their new database backends) count from 0
        long platforms = 0;
        Instant giveUp = start.plusSeconds(LOOP_TIMEOUT_S);
        Map<String, Long> last = new LinkedHashMap<>();
        Map<String, Long> cpuReady = null;
        long progressAtReady = 0;
        while (doneAt.size() < 3 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(1_000);
            for (String app : CONSUMERS) {
                if (!readyAt.containsKey(app) && suite.readyAfter(app) == null) {
                    probeReady(app);
                }
                if (!readyAt.containsKey(app) && suite.readyAfter(app) != null) {
                    readyAt.put(app, suite.readyAfter(app).toMillis() / 1000.0);
                }
            }
            double t = seconds(start, Instant.now());
            long tasks = count("SELECT count(*) FROM sanction.sanction_task");
            long board = count("SELECT count(*) FROM publication.board_entry");
            platforms = Math.max(platforms, count("SELECT count(DISTINCT platform) FROM sharing.forward"));
            long forwards = count("SELECT count(*) FROM sharing.forward WHERE action = 'LISTING'");
            if (cpuReady == null && readyAt.size() == CONSUMERS.size()) {
                cpuReady = cpu();
                progressAtReady = Math.min(tasks / TASKS_PER_LISTING, Math.min(board,
                        platforms == 0 ? 0 : forwards / platforms));
            }
            last.put("tasks", tasks);
            last.put("forwards", forwards);
            last.put("board", board);
            if (tasks >= (long) LISTINGS * TASKS_PER_LISTING) {
                doneAt.putIfAbsent("sanction (tasks)", t);
            }
            if (platforms > 0 && forwards >= LISTINGS * platforms) {
                doneAt.putIfAbsent("sharing (forwards)", t);
            }
            if (board >= LISTINGS) {
                doneAt.putIfAbsent("publication (board)", t);
            }
        }
        Instant end = Instant.now();
        Map<String, Long> cpu3 = cpu();
        double total = seconds(start, end);
        for (String app : CONSUMERS) {
            probeReady(app);
            readyAt.putIfAbsent(app, suite.readyAfter(app) == null ? Double.NaN
                    : suite.readyAfter(app).toMillis() / 1000.0);
        }
        double slowestReady = readyAt.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        say("phase 2 loop: %s after %.1f s: %d tasks (%d expected), %d LISTING forwards to %d platforms (%d expected), "
                        + "%d board entries (%d expected)", doneAt.size() == 3 ? "all written" : "NOT all written",
                total, last.get("tasks"), (long) LISTINGS * TASKS_PER_LISTING, last.get("forwards"), platforms,
                LISTINGS * platforms, last.get("board"), (long) LISTINGS, LISTINGS);
        say("phase 2 cold start of the 4 consumers started together (s to readiness): %s", readyAt);
        StringBuilder per = new StringBuilder();
        doneAt.forEach((service, t) -> per.append(String.format(Locale.ROOT,
                "%s done at %.1f s (%.0f listings/s from process start, %.0f from the last one's readiness); ",
                service, t, LISTINGS / t, LISTINGS / Math.max(0.001, t - slowestReady))));
        say("phase 2 loop per service: %s", per);
        double loopRate = LISTINGS / total;
        double afterReady = LISTINGS / Math.max(0.001, total - slowestReady);
        say("phase 2 WHOLE LOOP: %.0f listings/s from the consumers' process start (%.0f listings/s from their "
                        + "readiness, cold start %.1f s excluded); goal >= 10,000; against the floors: %.4f of COPY, "
                        + "%.4f of the Kafka producer (from readiness: %.4f / %.4f); load %s", loopRate, afterReady,
                slowestReady, loopRate / copyRate, loopRate / produceRate, afterReady / copyRate,
                afterReady / produceRate, load());
        say("phase 2 loop CPU s per 1,000 listings (process start to last count reached): %s",
                perThousand(cpu2, cpu3, LISTINGS));
        if (cpuReady != null && progressAtReady < LISTINGS) {
            say("phase 2 loop CPU s per 1,000 listings once all four were ready (%d listings through every service by "
                    + "then, %d left): %s", progressAtReady, LISTINGS - progressAtReady,
                    perThousand(cpuReady, cpu3, LISTINGS - progressAtReady));
        }
        say("phase 2 lag at the end: %s", lag(admin));
        rowsPerListing(rows0);
    }

    /**
     * Rows the loop wrote per listing, by schema, once the suite has gone quiet (the agencies' answers and the platform
     * deliveries after the counts above included): a figure the machine's load does not change, and with the COPY
     * floor an upper bound of the loop's rate on this machine, as if every row cost what a row COPY'd into a plain
     * table costs (no index, no trigger, no transaction of its own).
     */
    private void rowsPerListing(Map<String, long[]> before) throws Exception {
        Map<String, long[]> after = rowsWritten();
        Instant giveUp = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(giveUp)) {
            Thread.sleep(15_000);
            Map<String, long[]> now = rowsWritten();
            // the idle suite's own writes (scheduler claims, leases) are a few rows; the loop's were thousands
            boolean quiet = total(now) - total(after) < Math.max(50, LISTINGS / 100);
            after = now;
            if (quiet) {
                break;
            }
        }
        StringBuilder per = new StringBuilder();
        StringBuilder tables = new StringBuilder();
        long[] sum = new long[3];
        Map<String, long[]> bySchema = new TreeMap<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[3]);
            long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1], e.getValue()[2] - b[2]};
            long[] schema = bySchema.computeIfAbsent(e.getKey().substring(0, e.getKey().indexOf('.')),
                    k -> new long[3]);
            for (int i = 0; i < 3; i++) {
                sum[i] += d[i];
                schema[i] += d[i];
            }
            if (d[0] + d[1] + d[2] >= LISTINGS / 10) {
                tables.append(String.format(Locale.ROOT, "%s %.1f/%.1f/%.1f; ", e.getKey(), d[0] / (double) LISTINGS,
                        d[1] / (double) LISTINGS, d[2] / (double) LISTINGS));
            }
        }
        for (Map.Entry<String, long[]> e : bySchema.entrySet()) {
            long[] d = e.getValue();
            per.append(String.format(Locale.ROOT, "%s %.1f (%.1f inserted, %.1f updated, %.1f deleted); ",
                    e.getKey(), (d[0] + d[1] + d[2]) / (double) LISTINGS, d[0] / (double) LISTINGS,
                    d[1] / (double) LISTINGS, d[2] / (double) LISTINGS));
        }
        double perListing = (sum[0] + sum[1] + sum[2]) / (double) LISTINGS;
        say("phase 2 rows written per listing once quiet (pg_stat_user_tables, the suite's database): %.1f in all "
                        + "(%.1f inserted, %.1f updated, %.1f deleted); by schema: %s; the COPY floor (%.0f rows/s) over "
                        + "%.1f rows is %.0f listings/s, the most this machine's PostgreSQL could take if every row cost "
                        + "what a row COPY'd into a plain table costs", perListing, sum[0] / (double) LISTINGS,
                sum[1] / (double) LISTINGS, sum[2] / (double) LISTINGS, per, copyRate, perListing,
                copyRate / perListing);
        say("phase 2 rows written per listing by table (inserted/updated/deleted; tables with at least 0.1): %s", tables);
    }

    /** Rows inserted, updated and deleted so far, per table (schema.table, as reported by the backends). */
    private Map<String, long[]> rowsWritten() throws SQLException {
        Map<String, long[]> rows = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables
                WHERE schemaname <> 'public'""")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        }
        return rows;
    }

    private static long total(Map<String, long[]> rows) {
        return rows.values().stream().mapToLong(r -> r[0] + r[1] + r[2]).sum();
    }

    private double copyRate;
    private double produceRate;

    /** Phase 1: the same rows (the listing events the import produced) COPY'd and produced raw. */
    private void floors(Admin admin, List<ConsumerRecord<String, String>> events) throws Exception {
        int n = events.size();
        long bytes = events.stream().mapToLong(r -> r.value().getBytes(StandardCharsets.UTF_8).length).sum();
        String before = load();
        StringWriter csv = new StringWriter();
        for (ConsumerRecord<String, String> record : events) {
            csv.append(quote(record.key())).append(',').append(quote(record.value())).append('\n');
        }
        byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS public.loop_bench_copy");
            ddl.execute("CREATE TABLE public.loop_bench_copy (message_key text, payload text)");
        }
        // a warm-up pass, untimed (this JVM's JIT, the server's caches), then the timed one into the emptied table
        db.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY public.loop_bench_copy FROM STDIN (FORMAT csv)", new ByteArrayInputStream(data));
        try (Statement ddl = db.createStatement()) {
            ddl.execute("TRUNCATE public.loop_bench_copy");
        }
        long t0 = System.nanoTime();
        long copied = db.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY public.loop_bench_copy FROM STDIN (FORMAT csv)", new ByteArrayInputStream(data));
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        copyRate = copied / copySeconds;
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE public.loop_bench_copy");
        }

        int partitions = admin.describeTopics(List.of(Topics.LISTING_EVENTS)).allTopicNames().get()
                .get(Topics.LISTING_EVENTS).partitions().size();
        String topic = "bench.loop.floor." + run;
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.partitionsFor(topic);
            for (ConsumerRecord<String, String> record : events) { // warm-up pass, untimed
                producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
            }
            producer.flush();
            AtomicLong failed = new AtomicLong();
            long p0 = System.nanoTime();
            for (ConsumerRecord<String, String> record : events) {
                producer.send(new ProducerRecord<>(topic, record.key(), record.value()), (m, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double produceSeconds = (System.nanoTime() - p0) / 1e9;
            produceRate = n / produceSeconds;
            say("phase 1 floors: the %d listing events the import produced (%.0f bytes on average): COPY into a plain "
                            + "table %.0f rows/s (%.2f s); raw KafkaProducer (the suite's settings: defaults, acks=all) to a "
                            + "%d-partition topic %.0f records/s (%.2f s, %d failed); each timed after an untimed "
                            + "warm-up pass of the same rows; load %s before, %s after", n, (double) bytes / n,
                    copyRate, copySeconds, partitions, produceRate, produceSeconds, failed.get(), before, load());
        }
        admin.deleteTopics(List.of(topic)).all().get();
    }

    private static String quote(String s) {
        return s == null ? "" : '"' + s.replace("\"", "\"\"") + '"';
    }

    private List<ConsumerRecord<String, String>> readListingEvents(int max) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, List.of(Topics.LISTING_EVENTS));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant until = Instant.now().plusSeconds(120);
            while (records.size() < max && Instant.now().isBefore(until)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records.size() > max ? records.subList(0, max) : records;
        }
    }

    // ---------------------------------------------------------------- phase 3

    private void latency(Admin admin, int rate) throws Exception {
        // start from an idle suite: the backlog of an earlier phase would be queueing time of this one
        Instant settle = Instant.now();
        while (!lag(admin).equals("none") && Instant.now().isBefore(settle.plusSeconds(DRAIN_S))) {
            Thread.sleep(1_000);
        }
        say("phase 3 at %d listings/s: waited %.1f s for the earlier phases' backlog; lag now: %s", rate,
                seconds(settle, Instant.now()), lag(admin));
        int perBatch = Math.max(1, rate / 10);
        long tickNanos = TimeUnit.SECONDS.toNanos(1) * perBatch / rate;
        int batches = (int) (TimeUnit.SECONDS.toNanos(DURATION_S) / tickNanos);
        String before = load();
        Map<String, Instant> confirmedAt = new ConcurrentHashMap<>();
        Map<String, Long> listingTopicAt = new ConcurrentHashMap<>();
        Map<String, Long> firstTaskAt = new ConcurrentHashMap<>();
        Map<String, Integer> taskCount = new ConcurrentHashMap<>();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        Watcher watcher = new Watcher(confirmedAt, listingTopicAt, firstTaskAt, taskCount);
        Thread watching = new Thread(watcher, "loop-watcher");
        watching.start();
        watcher.ready.await();

        ExecutorService callers = Executors.newFixedThreadPool(64);
        List<Long> late = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger shed = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        long listingsBefore = count("SELECT count(*) FROM identification.listing");
        Map<String, Long> cpu0 = cpu();
        long t0 = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            long due = t0 + b * tickNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            List<Map<String, Object>> batch = batch(perBatch);
            callers.execute(() -> {
                long sent = System.nanoTime();
                late.add((sent - due) / 1_000_000);
                if (sent - due > TimeUnit.SECONDS.toNanos(5)) { // every caller busy for 5 s: the import cannot keep up
                    shed.addAndGet(batch.size());
                    return;
                }
                try {
                    Api.Reply reply = tax.post("/api/listings/batch", Map.of("listings", batch));
                    if (reply.status() != 200) {
                        failed.addAndGet(batch.size());
                        failures.merge("HTTP " + reply.status(), batch.size(), Integer::sum);
                        return;
                    }
                    for (JsonNode item : reply.json().get("results")) {
                        if (item.get("outcome").asText().equals("CREATED")) {
                            ids.add(item.get("id").asText());
                        } else {
                            failed.incrementAndGet();
                            failures.merge(item.get("outcome").asText(), 1, Integer::sum);
                        }
                    }
                } catch (RuntimeException e) {
                    failed.addAndGet(batch.size());
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    failures.merge(cause.getClass().getSimpleName(), batch.size(), Integer::sum);
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(5, TimeUnit.MINUTES);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        String lagAtEnd = lag(admin);
        say("phase 3 at %d listings/s offered (batches of %d every %d ms, %d s): %d accepted in %.1f s = %.0f "
                        + "listings/s achieved, %d failed %s, %d not sent (their batch would have started over 5 s late: more than 64 calls in flight); batches sent late p50 %d ms, max %d ms; sanction's lag "
                        + "when the import ended: %s; load %s before, %s at the end", rate, perBatch,
                tickNanos / 1_000_000, DURATION_S, ids.size(), importSeconds, ids.size() / importSeconds,
                failed.get(), failures, shed.get(), percentile(late, 50), percentile(late, 100), lagAtEnd, before, load());
        Instant drainUntil = Instant.now().plusSeconds(DRAIN_S);
        while (Instant.now().isBefore(drainUntil)
                && ids.stream().anyMatch(id -> taskCount.getOrDefault(id, 0) < TASKS_PER_LISTING)) {
            Thread.sleep(500);
        }
        double drainedAfter = (System.nanoTime() - t0) / 1e9 - importSeconds;
        Map<String, Long> cpu1 = cpu();
        long created = count("SELECT count(*) FROM identification.listing") - listingsBefore;
        watcher.stop = true;
        watching.join();
        List<Long> confirmedToTask = new ArrayList<>();
        List<Long> topicToTask = new ArrayList<>();
        long complete = 0;
        for (String id : ids) {
            Long task = firstTaskAt.get(id);
            if (task == null) {
                continue;
            }
            if (taskCount.getOrDefault(id, 0) >= TASKS_PER_LISTING) {
                complete++;
            }
            if (confirmedAt.containsKey(id)) {
                confirmedToTask.add(task - confirmedAt.get(id).toEpochMilli());
            }
            if (listingTopicAt.containsKey(id)) {
                topicToTask.add(task - listingTopicAt.get(id));
            }
        }
        say("phase 3 at %d listings/s: LATENCY confirmed → first task on an agency topic, ms: p50 %d, p95 %d, p99 %d, "
                        + "max %d (%d listings; goal p99 < 500); listing-topic record → agency-topic record (the "
                        + "sanction hop): p50 %d, p95 %d, p99 %d, max %d; %d of %d listings had all %d tasks after up "
                        + "to %d s of draining (%.1f s used)%s; identification created %d listings in this phase (failed calls included); CPU s per 1,000 of those from the import's start until drained: %s; load %s", rate,
                percentile(confirmedToTask, 50), percentile(confirmedToTask, 95), percentile(confirmedToTask, 99),
                percentile(confirmedToTask, 100), confirmedToTask.size(), percentile(topicToTask, 50),
                percentile(topicToTask, 95), percentile(topicToTask, 99), percentile(topicToTask, 100), complete,
                ids.size(), TASKS_PER_LISTING, DRAIN_S, drainedAfter,
                complete < ids.size() ? " (NOT all: the latencies above are of those that arrived, a lower bound)" : "",
                created, perThousand(cpu0, cpu1, Math.max(1, created)), load());
        say("phase 3 lag after draining: %s", lag(admin));
    }

    /** Reads the listing topic and every agency's task topic from their ends as of its start. */
    private final class Watcher implements Runnable {
        final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        volatile boolean stop;
        private final Map<String, Instant> confirmedAt;
        private final Map<String, Long> listingTopicAt;
        private final Map<String, Long> firstTaskAt;
        private final Map<String, Integer> taskCount;

        Watcher(Map<String, Instant> confirmedAt, Map<String, Long> listingTopicAt, Map<String, Long> firstTaskAt,
                Map<String, Integer> taskCount) {
            this.confirmedAt = confirmedAt;
            this.listingTopicAt = listingTopicAt;
            this.firstTaskAt = firstTaskAt;
            this.taskCount = taskCount;
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, String> consumer = consumer()) {
                List<String> topics = new ArrayList<>();
                topics.add(Topics.LISTING_EVENTS);
                Pattern agency = Pattern.compile(Topics.AGENCY_TASKS_PATTERN);
                consumer.listTopics().keySet().stream().filter(t -> agency.matcher(t).matches()).forEach(topics::add);
                List<TopicPartition> partitions = partitions(consumer, topics);
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                ready.countDown();
                while (!stop) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        handle(record);
                    }
                }
            } catch (Exception e) {
                log.error("watcher failed", e);
                ready.countDown();
            }
        }

        private void handle(ConsumerRecord<String, String> record) throws IOException {
            JsonNode event = JSON.readTree(record.value());
            String type = event.path("type").asText();
            JsonNode data = event.path("data");
            String listing = data.path("listingId").asText(null);
            if (listing == null) {
                return;
            }
            if (record.topic().equals(Topics.LISTING_EVENTS) && type.equals(EventTypes.LISTING_CONFIRMED)) {
                listingTopicAt.putIfAbsent(listing, record.timestamp());
                JsonNode at = data.path("confirmedAt");
                if (at.isTextual()) {
                    confirmedAt.putIfAbsent(listing, Instant.parse(at.asText()));
                } else if (at.isNumber()) {
                    BigDecimal s = at.decimalValue();
                    confirmedAt.putIfAbsent(listing, Instant.ofEpochSecond(s.longValue(),
                            s.remainder(BigDecimal.ONE).movePointRight(9).longValue()));
                }
            } else if (type.equals(EventTypes.TASK_INITIATED)) {
                firstTaskAt.merge(listing, record.timestamp(), Math::min);
                taskCount.merge(listing, 1, Integer::sum);
            }
        }
    }

    // ---------------------------------------------------------------- phase 4

    private void oneAtATime() throws Exception {
        Map<String, String> times = new LinkedHashMap<>();
        for (String app : Suite.APPS) {
            String before = load();
            suite.stop(app);
            suite.start(app);
            suite.awaitReady(app, Duration.ofSeconds(240));
            times.put(app, String.format(Locale.ROOT, "%.1f s (load %s)", suite.readyAfter(app).toMillis() / 1000.0,
                    before));
        }
        say("phase 4b cold start one at a time (the others running, idle; process start → readiness 200): %s", times);
        memory("idle after the one-at-a-time restarts");
    }

    private void memory(String when) throws Exception {
        Map<String, Long> pids = pids();
        StringBuilder out = new StringBuilder();
        long rss = 0;
        long hwm = 0;
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            long[] m = status(e.getValue());
            rss += m[0];
            hwm += m[1];
            String heap = heapAfterGc(e.getValue());
            out.append(String.format(Locale.ROOT, "%s RSS %d MB (peak %d MB), %s; ", e.getKey(), m[0] / 1024,
                    m[1] / 1024, heap));
        }
        say("phase 4 memory %s: %stotal RSS %d MB (sum of peaks %d MB); load %s", when, out, rss / 1024, hwm / 1024,
                load());
    }

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** jcmd GC.run, then GC.heap_info: heap in use after a full GC, and metaspace. */
    private static String heapAfterGc(long pid) {
        try {
            jcmd(pid, "GC.run");
            String info = jcmd(pid, "GC.heap_info");
            long heap = 0;
            long meta = 0;
            for (String line : info.split("\n")) {
                Matcher m = USED.matcher(line);
                if (!m.find()) {
                    continue;
                }
                if (line.contains("Metaspace")) {
                    meta = Long.parseLong(m.group(1));
                } else if (!line.contains("class space")) {
                    heap += Long.parseLong(m.group(1));
                }
            }
            return String.format(Locale.ROOT, "heap after GC %d MB, metaspace %d MB", heap / 1024, meta / 1024);
        } catch (Exception e) {
            return "heap unknown (" + e.getMessage() + ")";
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private void importAll(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(IMPORT_THREADS);
        AtomicInteger failed = new AtomicInteger();
        for (int first = 0; first < n; first += IMPORT_BATCH) {
            int size = Math.min(IMPORT_BATCH, n - first);
            pool.execute(() -> {
                List<Map<String, Object>> batch = batch(size);
                for (int attempt = 0; attempt < 5; attempt++) {
                    try {
                        Api.Reply reply = tax.post("/api/listings/batch", Map.of("listings", batch));
                        if (reply.status() == 200) {
                            for (JsonNode item : reply.json().get("results")) {
                                if (!item.get("outcome").asText().equals("CREATED")
                                        && !item.get("outcome").asText().equals("DUPLICATE")) {
                                    failed.incrementAndGet();
                                }
                            }
                            return;
                        }
                    } catch (RuntimeException e) {
                        // retried with the same submission ids
                    }
                }
                failed.addAndGet(size);
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        if (failed.get() > 0) {
            say("import: %d listings not accepted", failed.get());
        }
    }

    private static LocalDate recognitionDate(String configured) {
        return configured.isBlank() || configured.equals("today")
                ? LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : LocalDate.parse(configured);
    }

    private List<Map<String, Object>> batch(int size) {
        List<Map<String, Object>> batch = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int i = sequence.getAndIncrement();
            Map<String, Object> listing = new LinkedHashMap<>(Listings.taxBlack(
                    "基准测试" + run + "第" + i + "号有限公司", Identifiers.uscc()));
            listing.put("submissionId", "loop-" + run + "-" + i);
            listing.put("recognitionDate", RECOGNISED.toString());
            batch.add(listing);
        }
        return batch;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        return partitions;
    }

    /** Per consumer group of the suite: events on its topics not yet consumed. */
    private static String lag(Admin admin) throws Exception {
        Map<String, Long> lagging = new java.util.TreeMap<>();
        Broker.consumerLag(admin, group -> true).forEach((group, partitions) -> partitions.forEach(
                (partition, behind) -> lagging.merge(group + " on " + partition.topic(), behind, Long::sum)));
        return lagging.isEmpty() ? "none" : lagging.toString();
    }

    private void probeReady(String app) {
        try {
            suite.awaitReady(app, Duration.ofMillis(300));
        } catch (RuntimeException e) {
            // not yet
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition, Duration atMost, String what)
            throws Exception {
        Instant until = Instant.now().plus(atMost);
        while (!condition.call()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within " + atMost + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    /** The running apps, the broker, this JVM (the load generator) and the benchmark database's backends. */
    private Map<String, Long> pids() throws SQLException {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String app : Suite.APPS) {
            try {
                pids.put(app, suite.pid(app));
            } catch (IllegalStateException e) {
                // stopped in this phase
            }
        }
        if (suite.brokerPid() > 0) {
            pids.put("kafka", suite.brokerPid());
        }
        return pids;
    }

    /** CPU ticks (utime + stime) so far: per app, the broker, this JVM, the database's backends and the machine. */
    private Map<String, Long> cpu() throws SQLException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids().forEach((name, pid) -> ticks.put(name, ticks(pid)));
        ticks.put("bench JVM", ticks(ProcessHandle.current().pid()));
        long postgres = 0;
        // per service too: each app names its connections (ApplicationName = spring.application.name)
        Map<String, Long> byApp = new java.util.TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT pid, coalesce(nullif(application_name, ''), backend_type) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()""")) {
            while (rs.next()) {
                long t = ticks(rs.getLong(1));
                postgres += t;
                byApp.merge("postgres for " + rs.getString(2), t, Long::sum);
            }
        }
        ticks.put("postgres backends", postgres);
        ticks.putAll(byApp);
        ticks.put("machine (all processes)", machineTicks());
        return ticks;
    }

    private static String perThousand(Map<String, Long> before, Map<String, Long> after, long listings) {
        StringBuilder out = new StringBuilder();
        after.forEach((name, t) -> {
            long d = t - before.getOrDefault(name, 0L);
            out.append(String.format(Locale.ROOT, "%s %.2f, ", name, d / (double) TICKS * 1000 / listings));
        });
        return out.toString();
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** VmRSS and VmHWM in kB. */
    private static long[] status(long pid) {
        long[] m = new long[2];
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    m[0] = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    m[1] = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // ended
        }
        return m;
    }

    private String readyTimes(List<String> apps) {
        StringBuilder out = new StringBuilder();
        for (String app : apps) {
            Duration d = suite.readyAfter(app);
            out.append(app).append(' ').append(d == null ? "?" : String.format(Locale.ROOT, "%.1f", d.toMillis()
                    / 1000.0)).append(" s, ");
        }
        return out.toString();
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void say(String format, Object... args) {
        String line = "loop: " + String.format(Locale.ROOT, format, args);
        log.info(line);
        if (OUT != null) {
            try {
                Files.writeString(Path.of(OUT), "[" + Instant.now() + "] " + line + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                log.warn("cannot write {}: {}", OUT, e.toString());
            }
        }
    }
}
