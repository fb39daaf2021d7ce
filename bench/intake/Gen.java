import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic Huangshi annex 1 CSV (UTF-8, no BOM) for the intake benchmark: N distinct organisations on the tax
 * bureau's black list 黑名单(重大税收违法案件) (TAX_MAJOR_VIOLATION, owned by department {@code tax}).
 * <p>
 * Every row has a valid USCC (GB 32100: registration authority 9, category 1, a Huangshi division code, an
 * organisation code valid per GB 11714 derived from the row number, so all codes are distinct), a Chinese company
 * name (distinct: a branch number is appended once the combinations would repeat), a legal representative with a
 * valid resident ID number (GB 11643), a recognition date between 2025-1-1 and {@code today} written like 2025-4-20,
 * and validity 2年. Deterministic for a given seed. No dependencies:
 * <pre>
 *   java Gen.java ROWS OUT.csv [SEED] [TODAY yyyy-mm-dd]
 * </pre>
 */
public final class Gen {

    static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final String ID_CHECK = "10X98765432";

    /** Huangshi city and its districts, county and county-level city: name prefix and division code. */
    static final String[][] PLACES = {
            {"黄石", "420200"}, {"黄石市黄石港区", "420202"}, {"黄石市西塞山区", "420203"}, {"黄石市下陆区", "420204"},
            {"黄石市铁山区", "420205"}, {"阳新县", "420222"}, {"大冶市", "420281"}, {"湖北", "420200"}};
    static final String[] WORDS = {"鑫源", "华兴", "宏达", "恒昌", "金泰", "瑞丰", "隆盛", "东方", "长江", "楚天",
            "新港", "汇通", "永安", "博远", "天成", "盛世", "佳和", "广源", "润达", "中泰", "荆楚", "磁湖", "黄荆",
            "铜都", "矿冶", "富华", "信达", "正邦", "远航", "德润", "祥和", "腾飞", "嘉禾", "昌盛", "兴业", "聚力",
            "明珠", "万通", "中南", "江汉"};
    static final String[] TRADES = {"建材", "贸易", "物流", "机械制造", "矿业", "化工", "建筑工程", "商贸",
            "电子科技", "新材料", "食品", "纺织", "钢铁", "水泥", "房地产开发", "装饰工程", "汽车零部件", "医药",
            "农业开发", "环保科技", "信息技术", "劳务", "运输", "石材"};
    static final String[] FORMS = {"有限公司", "有限责任公司", "股份有限公司"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
            "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "柯", "石", "汪"};
    static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
            "涛", "明", "超", "秀英", "华", "平", "刚", "桂英", "建国", "志强", "文", "斌", "红", "建华", "海燕",
            "晓东", "国平", "德明", "春生", "丽", "俊", "鹏", "辉", "亮", "成", "红梅", "立新"};
    static final String[] REASONS = {
            "虚开增值税专用发票，经税务机关检查确认",
            "逃避追缴欠税，经税务机关检查确认",
            "偷税（逃避缴纳税款）数额在100万元以上且占应纳税额10%以上",
            "骗取出口退税，经税务机关检查确认",
            "以暴力、威胁方法拒不缴纳税款",
            "虚开普通发票100份以上或者金额40万元以上",
            "具有偷税、逃避追缴欠税等行为，在规定期限内未缴清税款、滞纳金和罚款"};
    static final String DEPARTMENT_TEXT = "国家税务总局黄石市税务局";
    static final String BASIS = "《中华人民共和国税收征收管理法》；《重大税收违法失信主体信息公布管理办法》";
    static final String[] ID_AREAS = {"420202", "420203", "420204", "420205", "420222", "420281", "420102",
            "420106", "421182"};

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java Gen.java ROWS OUT.csv [SEED] [TODAY yyyy-mm-dd]");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261123L;
        LocalDate today = args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.now();
        // the app refuses recognition dates after its own today; stay one day clear of a midnight on the way
        LocalDate first = LocalDate.of(2025, 1, 1);
        LocalDate last = today.minusDays(1);
        if (last.isAfter(LocalDate.of(2026, 12, 31))) {
            last = LocalDate.of(2026, 12, 31);
        }
        int span = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        if (span < 1) {
            throw new IllegalArgumentException("today " + today + " is before 2025-01-02");
        }
        Random random = new Random(seed);
        Set<String> names = new HashSet<>(rows * 2);
        long start = System.nanoTime();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                StandardCharsets.UTF_8), 1 << 16)) {
            w.write("序号,名单类型,名称/姓名,统一社会信用代码,法定代表人,身份证号码,列入名单事由,认定部门,认定依据,认定日期,有效期\n");
            for (int i = 0; i < rows; i++) {
                String[] place = PLACES[random.nextInt(PLACES.length)];
                String name = companyName(random, place[0]);
                for (int branch = 2; !names.add(name); branch++) {
                    name = name.replaceFirst("(第\\d+分公司)?$", "") + "第" + branch + "分公司";
                }
                String uscc = uscc(place[1], i);
                String rep = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
                String repId = idNumber(random);
                String reason = REASONS[random.nextInt(REASONS.length)];
                LocalDate date = first.plusDays(random.nextInt(span));
                String dateText = date.getYear() + "-" + date.getMonthValue() + "-" + date.getDayOfMonth();
                line(w, String.valueOf(i + 1), "黑名单(重大税收违法案件)", name, uscc, rep, repId, reason,
                        DEPARTMENT_TEXT, BASIS, dateText, "2年");
            }
        }
        System.err.printf("Gen: %d rows, %d bytes, %s, %.2fs%n", rows, Files.size(out), out,
                (System.nanoTime() - start) / 1e9);
    }

    static String companyName(Random random, String place) {
        int ai = random.nextInt(WORDS.length);
        String a = WORDS[ai];
        String b = WORDS[(ai + 1 + random.nextInt(WORDS.length - 1)) % WORDS.length]; // two different words
        return place + a + b + TRADES[random.nextInt(TRADES.length)] + FORMS[random.nextInt(FORMS.length)];
    }

    /** 9 (工商) 1 (企业), the division code, an 8-digit organisation code body from the row number and its check. */
    static String uscc(String division, int row) {
        String body = String.format("%08d", 10_000_000 + row); // a leading 1: no all-zero bodies
        if (body.length() != 8) {
            throw new IllegalArgumentException("too many rows for distinct 8-digit organisation codes");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        String orgCode = body + (c == 10 ? "X" : c == 11 ? "0" : String.valueOf(c));
        String first17 = "91" + division + orgCode;
        int s = 0;
        for (int i = 0; i < 17; i++) {
            s += USCC_ALPHABET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = 31 - s % 31;
        return first17 + USCC_ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** A resident ID number (GB 11643) of someone born 1955-1995. */
    static String idNumber(Random random) {
        LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(365 * 40));
        String first17 = ID_AREAS[random.nextInt(ID_AREAS.length)]
                + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return first17 + ID_CHECK.charAt(sum % 11);
    }

    static void line(BufferedWriter w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                w.write('"');
                w.write(c.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(c);
            }
        }
        w.write('\n');
    }
}
