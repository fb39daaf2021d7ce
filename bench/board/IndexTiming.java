import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.publication.board.BoardEntry;
import io.creditloop.publication.board.BoardSearchIndex;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The board's search index alone (no HTTP, no database): builds a {@link BoardSearchIndex} of the benchmark's N
 * entries ({@link BoardBench#entry}), reports the heap it holds, and times every search URL of FILE three times (the
 * last round counts), as CPU time of this thread, by kind of search. What docs/BENCHMARKS.md "Board search" quotes.
 * <pre>
 *   ./mvnw -B -o -pl publication-service -am package -DskipTests
 *   CP=publication-service/target/classes:$(ls ~/.m2/repository/io/creditloop/contracts/0.1.0-SNAPSHOT/contracts-*.jar)
 *   javac -d /tmp/it -cp $CP bench/intake/Gen.java bench/credit-check/CheckBench.java bench/board/*.java
 *   java -cp /tmp/it BoardBench urls 1000000 secret 20000 /tmp/urls.txt
 *   java -Xmx2g -cp /tmp/it:$CP IndexTiming 1000000 /tmp/urls.txt
 * </pre>
 */
public final class IndexTiming {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        BoardSearchIndex index = new BoardSearchIndex();
        long started = System.nanoTime();
        Instant published = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            BoardBench.Entry e = BoardBench.entry(i);
            String masked = e.person() ? e.idNumber().substring(0, 6) + "********" + e.idNumber().substring(14) : null;
            index.put(new BoardEntry(new UUID(0x00b0a4d000000000L, i), 1, ListKind.valueOf(e.type().kind()),
                    e.type().code(), e.type().name(), e.person() ? SubjectType.PERSON : SubjectType.ORGANISATION,
                    e.name(), e.uscc(), masked, e.reason(), e.type().department(), "《社会信用体系建设规划纲要》",
                    e.recognised(), e.recognised(), e.until(), published.plusSeconds(i * 30L), null));
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("built %d entries in %d ms, heap used %d MB%n", n, (System.nanoTime() - started) / 1_000_000,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        List<String> urls = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LocalDate today = LocalDate.now();
        Map<String, long[]> byKind = new TreeMap<>();
        for (int round = 0; round < 3; round++) {
            byKind.clear();
            for (String url : urls) {
                Map<String, String> p = new HashMap<>();
                for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                String q = p.get("q");
                String kind = q == null ? "first pages" : q.length() == 18 ? "whole code (name part only)"
                        : p.containsKey("kind") ? "filtered fragment" : q.length() == 1 ? "one character" : "fragment";
                BoardSearchIndex.Criteria criteria = new BoardSearchIndex.Criteria(q, List.of(),
                        p.get("kind") == null ? null : ListKind.valueOf(p.get("kind")), p.get("type"),
                        p.get("department"), p.get("from") == null ? null : LocalDate.parse(p.get("from")), null);
                long page = Long.parseLong(p.getOrDefault("page", "0"));
                long cpu = threads.getCurrentThreadCpuTime();
                index.search(criteria, today, page * 20, 20, 1000);
                long[] sum = byKind.computeIfAbsent(kind, k -> new long[2]);
                sum[0]++;
                sum[1] += threads.getCurrentThreadCpuTime() - cpu;
            }
        }
        long count = 0;
        long total = 0;
        for (Map.Entry<String, long[]> e : byKind.entrySet()) {
            System.out.printf("%-28s %6d  mean %.3f ms%n", e.getKey(), e.getValue()[0],
                    e.getValue()[1] / 1e6 / e.getValue()[0]);
            count += e.getValue()[0];
            total += e.getValue()[1];
        }
        System.out.printf("%-28s %6d  mean %.3f ms%n", "all", count, total / 1e6 / count);
    }
}
