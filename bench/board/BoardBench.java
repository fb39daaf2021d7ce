import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Board search benchmark (issue 7, R7): synthetic published board entries and a mix of public searches. Compiled
 * together with bench/intake/Gen.java (names, USCCs, ID numbers), bench/credit-check/CheckBench.java (the JDK-client
 * open-loop runner) and OpenLoop.java (the lean one); no dependencies.
 * <pre>
 *   java BoardBench gen N SECRET            COPY text of N board entries for publication.board_entry, on stdout
 *   java BoardBench urls N SECRET COUNT OUT COUNT search URLs (paths) for a board of N entries, one mix per line
 *   java BoardBench http BASE FILE RATE SECONDS   open loop over the URLs of FILE (random order, fixed seed), with
 *                                                 {@link OpenLoop}
 *   java BoardBench http-jdk BASE FILE RATE SECONDS  the same with the JDK's HttpClient (CheckBench's runner)
 * </pre>
 * Entry {@code i} is a function of {@code i} alone (its own Random), so the URL list can name real USCCs, ID
 * numbers and name fragments without reading the database. 70 % organisations, 30 % persons (name masked to the
 * surname, ID number masked and keyed with SECRET as publication-service keys it); 15 % red, 75 % black, 10 % gray
 * (published); recognised in the last three years, valid for three years (5 % without end), all on the board today.
 */
public final class BoardBench {

    record ListType(String code, String name, String kind, String department) {
    }

    static final ListType[] TYPES = {
            new ListType("TAX_A_CREDIT", "纳税信用A级纳税人名单", "RED", "tax"),
            new ListType("CUSTOMS_AEO", "海关高级认证企业名单", "RED", "customs"),
            new ListType("TAX_MAJOR_VIOLATION", "重大税收违法案件当事人名单", "BLACK", "tax"),
            new ListType("COURT_DEFAULTER", "失信被执行人名单", "BLACK", "court"),
            new ListType("WAGE_ARREARS", "拖欠农民工工资失信联合惩戒对象名单", "BLACK", "hrss"),
            new ListType("MARKET_SERIOUS_VIOLATION", "严重违法失信企业名单", "BLACK", "market"),
            new ListType("SAFETY_PRODUCTION", "安全生产领域失信生产经营单位", "BLACK", "emergency"),
            new ListType("MARKET_ABNORMAL", "经营异常名录", "GRAY", "market")};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "gen" -> gen(Long.parseLong(args[1]), args[2]);
            case "urls" -> urls(Long.parseLong(args[1]), args[2], Integer.parseInt(args[3]), Path.of(args[4]));
            case "http" -> lean(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "http-jdk" -> http(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** What entry {@code i} is. */
    record Entry(boolean person, ListType type, String name, String uscc, String idNumber, LocalDate recognised,
                 LocalDate until, String reason) {
    }

    static Entry entry(long i) {
        Random random = new Random(0x5eed_0000L + i);
        boolean person = i % 10 >= 7;
        int k = random.nextInt(100);
        ListType type = k < 10 ? TYPES[random.nextInt(2)] : k < 90 ? TYPES[2 + random.nextInt(5)] : TYPES[7];
        LocalDate recognised = LocalDate.now().minusDays(1 + random.nextInt(3 * 365 - 2));
        LocalDate until = random.nextInt(20) == 0 ? null : recognised.plusYears(3);
        String reason = Gen.REASONS[random.nextInt(Gen.REASONS.length)];
        if (person) {
            String surname = Gen.SURNAMES[random.nextInt(Gen.SURNAMES.length)];
            String given = Gen.GIVEN[random.nextInt(Gen.GIVEN.length)];
            return new Entry(true, type, surname + "*".repeat(given.length()), null, Gen.idNumber(random), recognised,
                    until, reason);
        }
        String[] place = Gen.PLACES[random.nextInt(Gen.PLACES.length)];
        return new Entry(false, type, Gen.companyName(random, place[0]), Gen.uscc(place[1], (int) i), null, recognised,
                until, reason);
    }

    static void gen(long n, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Instant published = Instant.parse("2024-01-01T00:00:00Z");
        try (PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16))) {
            for (long i = 0; i < n; i++) {
                Entry e = entry(i);
                String masked = e.person() ? e.idNumber().substring(0, 6) + "********" + e.idNumber().substring(14)
                        : null;
                String key = e.person() ? HexFormat.of().formatHex(
                        mac.doFinal(e.idNumber().getBytes(StandardCharsets.UTF_8))) : null;
                out.print(new java.util.UUID(0x00b0a4d000000000L, i));
                tab(out, "1", e.type().kind(), e.type().code(), e.type().name(), e.person() ? "PERSON" : "ORGANISATION",
                        e.name(), e.uscc(), masked, e.reason(), e.type().department(), "《社会信用体系建设规划纲要》",
                        e.recognised().toString(), e.recognised().toString(),
                        e.until() == null ? null : e.until().toString(), "t",
                        published.plusSeconds(i * 30).toString(), key, "t");
                out.print('\n');
            }
        }
    }

    static void tab(PrintWriter out, String... cells) {
        for (String cell : cells) {
            out.print('\t');
            out.print(cell == null ? "\\N" : cell);
        }
    }

    /**
     * The mix: 20 % the board's first pages (no text; a kind or a list type now and then), 40 % a two-to-four
     * character fragment of a real name (a trade, a word, a place), 10 % a single character (a surname), 15 % a
     * whole USCC, 5 % a whole ID number, 10 % a fragment with filters (kind, department, recognition dates) on pages
     * two to five.
     */
    static void urls(long n, String secret, int count, Path out) throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<String> urls = new ArrayList<>(count);
        String[] kinds = {"RED", "BLACK", "GRAY"};
        for (int j = 0; j < count; j++) {
            int k = random.nextInt(100);
            String url;
            if (k < 20) {
                int f = random.nextInt(4);
                url = "/api/board?page=" + random.nextInt(3) + (f == 0 ? "&kind=" + kinds[random.nextInt(3)]
                        : f == 1 ? "&type=" + TYPES[random.nextInt(TYPES.length)].code() : "");
            } else if (k < 60) {
                Entry e = entry(organisation(random, n));
                url = "/api/board?q=" + enc(fragment(random, e.name()));
            } else if (k < 70) {
                url = "/api/board?q=" + enc(Gen.SURNAMES[random.nextInt(Gen.SURNAMES.length)]);
            } else if (k < 85) {
                url = "/api/board?q=" + entry(organisation(random, n)).uscc();
            } else if (k < 90) {
                url = "/api/board?q=" + entry(person(random, n)).idNumber();
            } else {
                Entry e = entry(organisation(random, n));
                LocalDate from = LocalDate.now().minusDays(random.nextInt(3 * 365));
                url = "/api/board?q=" + enc(fragment(random, e.name())) + "&kind=" + e.type().kind()
                        + "&department=" + e.type().department() + "&from=" + from + "&page=" + (1 + random.nextInt(4));
            }
            urls.add(url);
        }
        Files.write(out, urls, StandardCharsets.UTF_8);
    }

    static long organisation(SplittableRandom random, long n) {
        long i;
        do {
            i = random.nextLong(n);
        } while (i % 10 >= 7);
        return i;
    }

    static long person(SplittableRandom random, long n) {
        long i;
        do {
            i = random.nextLong(n);
        } while (i % 10 < 7);
        return i;
    }

    /** Two to four characters of the name, after its place prefix where it has one. */
    static String fragment(SplittableRandom random, String name) {
        int length = 2 + random.nextInt(3);
        int start = Math.min(name.length() - length, 2 + random.nextInt(Math.max(1, name.length() - 2 - length)));
        return name.substring(Math.max(0, start), Math.max(0, start) + length);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void lean(String base, Path file, int rate, int seconds) throws Exception {
        List<String> urls = Files.readAllLines(file, StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(7);
        int[] pick = new int[rate * seconds];
        for (int k = 0; k < pick.length; k++) {
            pick[k] = random.nextInt(urls.size());
        }
        byte[] emptyPage = "\"items\":[]".getBytes(StandardCharsets.US_ASCII);
        int[] empty = {0};
        long cpu0 = processCpuNanos();
        OpenLoop.Outcome outcome = new OpenLoop(base, urls, CheckBench.MAX_IN_FLIGHT, 30_000).run(rate, seconds, pick,
                (request, status, body, from, to) -> {
                    if (status == 200 && OpenLoop.indexOf(body, from, Math.min(to, from + 200), emptyPage) >= 0) {
                        empty[0]++;
                    }
                });
        long[] latency = outcome.sortedLatencyNanos();
        int total = outcome.requests();
        System.out.printf("offered %d req/s for %d s: %d requests, achieved %.0f req/s; latency ms p50 %.2f p90 %.2f "
                        + "p95 %.2f p99 %.2f p99.9 %.2f max %.2f%n", rate, seconds, total, outcome.achieved(),
                CheckBench.pct(latency, 50), CheckBench.pct(latency, 90), CheckBench.pct(latency, 95),
                CheckBench.pct(latency, 99), CheckBench.pct(latency, 99.9), latency[total - 1] / 1e6);
        System.out.printf("errors %d %s, empty pages %d, generator cpu ms %d%n", outcome.errors(), outcome.reasons(),
                empty[0], (processCpuNanos() - cpu0) / 1_000_000);
    }

    static void http(String base, Path file, int rate, int seconds) throws Exception {
        List<String> urls = Files.readAllLines(file, StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        SplittableRandom random = new SplittableRandom(7);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger empty = new AtomicInteger();
        java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> reasons = new java.util.concurrent.ConcurrentHashMap<>();
        long cpu0 = processCpuNanos();
        CheckBench.run(rate, seconds, (i, done) -> {
            String url = urls.get(random.nextInt(urls.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + url))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                    String reason = e != null ? e.getClass().getSimpleName() : "HTTP " + r.statusCode();
                    if (reasons.computeIfAbsent(reason, k -> new AtomicInteger()).getAndIncrement() == 0) {
                        System.err.println("first " + reason + ": " + url);
                    }
                } else if (r.body().contains("\"items\":[]")) {
                    empty.incrementAndGet();
                }
                done.run();
            });
        });
        System.out.printf("errors %d %s, empty pages %d, generator cpu ms %d%n", errors.get(), reasons, empty.get(),
                (processCpuNanos() - cpu0) / 1_000_000);
    }

    /** CPU time this process (the load generator) has used, so the benchmark can say what the tool costs. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
