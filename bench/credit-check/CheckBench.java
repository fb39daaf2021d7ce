import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The credit-check benchmark's two halves, in one file with no dependencies (java CheckBench.java ...):
 * <ul>
 *   <li>{@code gen N SECRET}: N synthetic subjects, one listing each, as COPY text for {@code credit_subject_listing}
 *   on stdout. Subject i is a person when i % 10 < 3 (resident ID with a real birth date and check character,
 *   stored as its HMAC key and masked), else an organisation with a valid GB 32100-2015 USCC.</li>
 *   <li>{@code http URL MODE RATE SECONDS N}: open-loop load at a fixed offered rate (requests are sent on schedule
 *   whether or not earlier ones have answered; latency counts from the scheduled time, so a stall is not hidden);
 *   MODE uscc (a listed organisation), idNumber (a listed person: registered, R16) or miss (an unlisted USCC).
 *   Compile with bench/common/OpenLoop.java, the lean generator it runs on (with the JDK HttpClient this spent more
 *   CPU per request than the service it measured).</li>
 *   <li>{@code jdbc JDBC_URL RATE SECONDS N [uscc|person|person-async] [SECRET]}: the floor over plain JDBC on one
 *   connection (autocommit), at the same schedule: {@code uscc} the read model's point lookup by USCC; {@code person}
 *   the statement the service sends for a check by ID number (lookup by subject key and the R16 register insert in
 *   one data-modifying statement, committed); {@code person-async} the same with {@code synchronous_commit = off}
 *   (not what the service does: it shows what waiting for the WAL flush costs).</li>
 * </ul>
 */
public class CheckBench {

    static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** characters of generated names, with their pinyin, so no pinyin library is needed here */
    static final String[][] CHARS = {{"黄", "huang"}, {"石", "shi"}, {"江", "jiang"}, {"阴", "yin"}, {"大", "da"},
            {"冶", "ye"}, {"张", "zhang"}, {"店", "dian"}, {"昆", "kun"}, {"山", "shan"}, {"明", "ming"}, {"华", "hua"},
            {"伟", "wei"}, {"业", "ye"}, {"鑫", "xin"}, {"源", "yuan"}, {"盛", "sheng"}, {"达", "da"}, {"恒", "heng"},
            {"通", "tong"}, {"兴", "xing"}, {"隆", "long"}, {"丰", "feng"}, {"泰", "tai"}, {"安", "an"}, {"顺", "shun"},
            {"宏", "hong"}, {"远", "yuan"}, {"金", "jin"}, {"德", "de"}, {"信", "xin"}, {"和", "he"}};
    static final String[][] SUFFIX = {{"贸易有限公司", "maoyiyouxiangongsi", "myyxgs"},
            {"建材有限公司", "jiancaiyouxiangongsi", "jcyxgs"}, {"物流有限公司", "wuliuyouxiangongsi", "wlyxgs"},
            {"科技有限公司", "kejiyouxiangongsi", "kjyxgs"}};
    static final String[][] SURNAME = {{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"},
            {"杨", "yang"}, {"赵", "zhao"}, {"黄", "huang"}};
    static final String[][] TYPES = {{"TAX_MAJOR_VIOLATION", "重大税收违法案件当事人名单", "BLACK", "tax"},
            {"COURT_DEFAULTER", "失信被执行人名单", "BLACK", "court"}, {"TAX_A_GRADE", "纳税信用A级纳税人名单", "RED", "tax"}};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "gen" -> gen(Long.parseLong(args[1]), args[2]);
            case "http" -> http(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Long.parseLong(args[5]));
            case "jdbc" -> jdbc(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]),
                    args.length > 5 ? args[5] : "uscc", args.length > 6 ? args[6] : "");
            default -> throw new IllegalArgumentException("gen | http | jdbc");
        }
    }

    static final int MAX_IN_FLIGHT = Integer.getInteger("maxInFlight", 256);

    static boolean isPerson(long i) {
        return i % 10 < 3;
    }

    /** The USCC of subject i (i < 31^9): a fixed prefix, i in base 31, the check character. */
    static String uscc(long i) {
        char[] body = "91420200000000000".toCharArray();
        long v = i;
        for (int p = 16; p >= 8; p--) {
            body[p] = USCC_CHARS.charAt((int) (v % 31));
            v /= 31;
        }
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += USCC_CHARS.indexOf(body[k]) * USCC_WEIGHTS[k];
        }
        return new String(body) + USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** An unlisted organisation's USCC: the same scheme with another prefix. */
    static String unlistedUscc(long i) {
        String listed = uscc(i);
        char[] body = ("91420300" + listed.substring(8, 17)).toCharArray();
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += USCC_CHARS.indexOf(body[k]) * USCC_WEIGHTS[k];
        }
        return new String(body) + USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** The resident ID number of subject i: a birth date and sequence derived from i, the MOD 11-2 check. */
    static String idNumber(long i) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i % 18_000);
        String body = "420102" + birth.toString().replace("-", "") + String.format("%03d", (i / 18_000) % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * ID_WEIGHTS[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static void gen(long n, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        SplittableRandom random = new SplittableRandom(42);
        if (n > 18_000L * 1000) {
            throw new IllegalArgumentException("at most 18,000,000 distinct ID numbers");
        }
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 20)) {
            StringBuilder line = new StringBuilder(512);
            for (long i = 0; i < n; i++) {
                line.setLength(0);
                String[] type = TYPES[(int) (i % TYPES.length)];
                StringBuilder name = new StringBuilder();
                StringBuilder pinyin = new StringBuilder();
                StringBuilder initials = new StringBuilder();
                String key;
                String subjectType;
                String uscc = "\\N";
                String masked = "\\N";
                if (isPerson(i)) {
                    String[] s = SURNAME[random.nextInt(SURNAME.length)];
                    name.append(s[0]);
                    pinyin.append(s[1]);
                    initials.append(s[1].charAt(0));
                    for (int c = 0; c < 2; c++) {
                        String[] ch = CHARS[random.nextInt(CHARS.length)];
                        name.append(ch[0]);
                        pinyin.append(ch[1]);
                        initials.append(ch[1].charAt(0));
                    }
                    String id = idNumber(i);
                    key = "ID:RESIDENT_ID:" + HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
                    subjectType = "PERSON";
                    masked = id.substring(0, 6) + "********" + id.substring(14);
                } else {
                    for (int c = 0; c < 4; c++) {
                        String[] ch = CHARS[random.nextInt(CHARS.length)];
                        name.append(ch[0]);
                        pinyin.append(ch[1]);
                        initials.append(ch[1].charAt(0));
                    }
                    String[] suffix = SUFFIX[random.nextInt(SUFFIX.length)];
                    name.append(suffix[0]);
                    pinyin.append(suffix[1]);
                    initials.append(suffix[2]);
                    uscc = uscc(i);
                    key = "USCC:" + uscc;
                    subjectType = "ORGANISATION";
                }
                LocalDate from = today.minusDays(1 + random.nextInt(700));
                line.append(new UUID(0x5eedL, i)).append('\t').append(2).append('\t').append(key).append('\t')
                        .append(subjectType).append('\t').append(name).append('\t').append(pinyin).append('\t')
                        .append(initials).append('\t').append(uscc).append('\t').append(masked).append('\t')
                        .append(type[0]).append('\t').append(type[1]).append('\t').append(type[2]).append('\t')
                        .append(type[3]).append('\t').append(from).append('\t').append(from.plusYears(2))
                        .append('\t').append("IN_FORCE").append('\n');
                out.append(line);
            }
        }
    }

    interface Call {
        void start(long i, Runnable done);
    }

    static void http(String base, String mode, int rate, int seconds, long n) throws Exception {
        // R16: the caller comes from a token: the gateway's for requests through it, a service token otherwise
        String token = base.equals(System.getenv("BENCH_GATEWAY")) ? System.getenv("BENCH_GATEWAY_TOKEN")
                : System.getenv("BENCH_SERVICE_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("no token for " + base + ": set BENCH_SERVICE_TOKEN / BENCH_GATEWAY_TOKEN");
        }
        SplittableRandom random = new SplittableRandom(7);
        int total = rate * seconds;
        // every request's path made before the clock starts: request k is paths[k]
        List<String> paths = new ArrayList<>(total);
        int[] pick = new int[total];
        for (int k = 0; k < total; k++) {
            long subject = pick(random, n, mode.equals("idNumber"));
            String query = switch (mode) {
                case "uscc" -> "uscc=" + uscc(subject);
                case "idNumber" -> "idNumber=" + idNumber(subject);
                case "miss" -> "uscc=" + unlistedUscc(subject);
                default -> throw new IllegalArgumentException(mode);
            };
            paths.add("/api/sanction/credit-check?" + query + "&scenario=PUBLIC_BIDDING");
            pick[k] = k;
        }
        byte[] listed = "\"listed\":true".getBytes(StandardCharsets.US_ASCII);
        int[] notListed = {0};
        long cpuAtStart = processCpuNanos();
        OpenLoop.Outcome outcome = new OpenLoop(base, paths, "Authorization: Bearer " + token + "\r\n", MAX_IN_FLIGHT,
                10_000).run(rate, seconds, pick, (request, status, body, from, to) -> {
                    if (status == 200 && !mode.equals("miss") && OpenLoop.indexOf(body, from, to, listed) < 0) {
                        notListed[0]++;
                    }
                });
        report(rate, seconds, outcome.sortedLatencyNanos(), outcome.achieved(), cpuAtStart);
        System.out.printf("errors %d %s, listed subjects answered as not listed %d%n", outcome.errors(),
                outcome.reasons(), notListed[0]);
    }

    static long pick(SplittableRandom random, long n, boolean person) {
        while (true) {
            long i = random.nextLong(n);
            if (isPerson(i) == person) {
                return i;
            }
        }
    }

    static void jdbc(String url, int rate, int seconds, long n, String mode, String secret) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        String columns = """
                listing_id, version, subject_key, subject_type, name, uscc, masked_id, list_type_code,
                list_type_name, list_kind, department, valid_from, valid_until""";
        String inForce = " AND status = 'IN_FORCE' AND valid_from <= ? AND (valid_until IS NULL OR valid_until >= ?)";
        boolean person = mode.startsWith("person");
        Mac mac = Mac.getInstance("HmacSHA256");
        if (person) {
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }
        String sql = person
                ? "WITH found AS (SELECT " + columns + " FROM sanction.credit_subject_listing WHERE subject_key = ?"
                        + inForce + " ORDER BY list_kind, valid_from, listing_id), registered AS (INSERT INTO "
                        + "sanction.credit_check_register (checked_at, agency_code, user_id, scenario, queried_by, "
                        + "subject_key, masked_id, result_count) SELECT now(), 'bench', 'bench-jdbc', 'PUBLIC_BIDDING', "
                        + "'ID_NUMBER', ?, ?, (SELECT count(*) FROM found)::int) SELECT * FROM found"
                : "SELECT " + columns + " FROM sanction.credit_subject_listing WHERE uscc = ?" + inForce
                        + " ORDER BY list_kind, valid_from, listing_id";
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            if (mode.equals("person-async")) {
                // what the register's durability costs: the commit no longer waits for the WAL flush
                try (var st = c.createStatement()) {
                    st.execute("SET synchronous_commit = off");
                }
            }
            PreparedStatement ps = c.prepareStatement(sql);
            int[] missing = {0};
            // one connection, so calls run one after the other on the scheduler thread
            run(rate, seconds, (i, done) -> {
                try {
                    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
                    if (person) {
                        String id = idNumber(pick(random, n, true));
                        String key = "ID:RESIDENT_ID:" + HexFormat.of().formatHex(
                                mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
                        ps.setString(1, key);
                        ps.setObject(2, today);
                        ps.setObject(3, today);
                        ps.setString(4, key);
                        ps.setString(5, id.substring(0, 6) + "********" + id.substring(14));
                    } else {
                        ps.setString(1, uscc(pick(random, n, false)));
                        ps.setObject(2, today);
                        ps.setObject(3, today);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            missing[0]++;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                done.run();
            });
            System.out.printf("rows not found %d%n", missing[0]);
        }
    }

    /** Open loop: request k is due at start + k / rate; its latency counts from then, not from when it was sent. */
    static void run(int rate, int seconds, Call call) throws Exception {
        int total = rate * seconds;
        long[] latency = new long[total];
        long period = 1_000_000_000L / rate;
        CountDownLatch finished = new CountDownLatch(total);
        // at most this many requests in flight (connections): a server that falls behind makes later requests wait
        // here, and their wait counts, since latency runs from the scheduled time
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
        long start = System.nanoTime() + 50_000_000L;
        long cpuAtStart = processCpuNanos();
        long[] lastDone = {0};
        for (int k = 0; k < total; k++) {
            long due = start + k * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = k;
            inFlight.acquireUninterruptibly();
            call.start(k, () -> {
                inFlight.release();
                long now = System.nanoTime();
                latency[index] = now - due;
                synchronized (lastDone) {
                    lastDone[0] = Math.max(lastDone[0], now);
                }
                finished.countDown();
            });
        }
        finished.await();
        Arrays.sort(latency);
        report(rate, seconds, latency, total / ((lastDone[0] - start) / 1e9), cpuAtStart);
    }

    static void report(int rate, int seconds, long[] sorted, double achieved, long cpuAtStart) {
        int total = sorted.length;
        System.out.printf("offered %d req/s for %d s: %d requests, achieved %.0f req/s; latency ms p50 %.2f p90 %.2f "
                        + "p95 %.2f p99 %.2f p99.9 %.2f max %.2f%n", rate, seconds, total, achieved,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 95), pct(sorted, 99), pct(sorted, 99.9),
                sorted[total - 1] / 1e6);
        // the load generator shares the machine's cores with what it measures: what it spent per request
        System.out.printf("load generator cpu ms/request %.2f%n", (processCpuNanos() - cpuAtStart) / 1e6 / total);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
