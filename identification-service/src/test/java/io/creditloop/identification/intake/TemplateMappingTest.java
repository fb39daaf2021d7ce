package io.creditloop.identification.intake;

import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.identification.listing.FieldProblem;
import io.creditloop.identification.listing.ListingSubmission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import static io.creditloop.identification.intake.TemplateMapping.Column;
import static io.creditloop.identification.intake.TemplateMapping.Template;
import static org.assertj.core.api.Assertions.assertThat;

class TemplateMappingTest {

    /** The header of Huangshi annex 1 exactly as document 004 prints it. */
    static final List<String> HUANGSHI = List.of("名单类型", "法人和其他组织名称(或自然人姓名)", "统一社会信用代码",
            "法定代表人(单位负责人)姓名", "身份证号码", "列入名单事由", "认定部门(单位)", "认定依据", "认定日期", "有效期");
    /** Daye annex 4, as document 002 prints it. */
    static final List<String> DAYE_ORGANISATIONS = List.of("序号", "目录事项", "企业名称", "法定代表人", "组织机构代码",
            "公布类别(红/黑榜)", "认定时间", "有效期", "备注");
    static final List<String> DAYE_PERSONS = List.of("序号", "目录事项", "姓名", "证件类型", "证件号码", "公布类别(红/黑榜)",
            "认定时间", "有效期", "备注");
    static final String USCC = "91420200MA4KLB7Q32";
    static final String ID = "420202198001011237";

    private final ListTypeResolver tax = new ListTypeResolver(ListTypeResolverTest.CATALOG, "tax");

    @Test
    @DisplayName("R3: the Huangshi annex 1 header as printed in 004 is recognised, every column placed")
    void huangshiHeader() {
        TemplateMapping.Header header = found(row(1, HUANGSHI));

        assertThat(header.template()).isEqualTo(Template.HUANGSHI_ANNEX1);
        assertThat(header.column(Column.NAME)).contains(1);
        assertThat(header.column(Column.ID_NUMBER)).contains(4);
        assertThat(header.column(Column.VALIDITY)).contains(9);
        assertThat(header.unknown()).isEmpty();
        assertThat(header.lastColumn()).isEqualTo(9);
    }

    @Test
    @DisplayName("R3: header matching tolerates full-width parentheses, spaces, * marks and the short forms; unknown "
            + "columns are kept aside")
    void tolerantHeader() {
        TemplateMapping.Header header = found(row(3, List.of("*名单类型", "名称/姓名", "统一社会 信用代码", "法定代表人",
                "身份证号码", "列入名单事由", "认定部门（单位）", "认定依据", "认定日期：", "有效期", "联系电话")));

        assertThat(header.template()).isEqualTo(Template.HUANGSHI_ANNEX1);
        assertThat(header.row()).isEqualTo(3);
        assertThat(header.label(Column.RECOGNISING_DEPARTMENT)).isEqualTo("认定部门（单位）");
        assertThat(header.column(Column.USCC)).contains(2);
        assertThat(header.unknown()).containsExactly("联系电话");
        assertThat(TemplateMapping.notes("Sheet1", header, null, "tax"))
                .anyMatch(n -> n.contains("联系电话"))
                .anyMatch(n -> n.contains("department=tax"));
    }

    @Test
    @DisplayName("R3: Daye annex 4 headers are told apart: organisations and natural persons")
    void dayeHeaders() {
        assertThat(found(row(1, DAYE_ORGANISATIONS)).template()).isEqualTo(Template.DAYE_ANNEX4_ORGANISATIONS);
        assertThat(found(row(1, DAYE_PERSONS)).template()).isEqualTo(Template.DAYE_ANNEX4_PERSONS);
    }

    @Test
    @DisplayName("R3: title lines above the header are passed over")
    void titleRows() {
        TemplateMapping.HeaderMatch match = TemplateMapping.findHeader(List.of(
                row(1, List.of("“红黑名单”信息报送表")), row(2, List.of("(自然人)")), row(4, DAYE_PERSONS)), false);

        assertThat(((TemplateMapping.Found) match).header().row()).isEqualTo(4);
    }

    @Test
    @DisplayName("R3: a header without a required column is named as incomplete; 名单类型 may go when listType is given")
    void missingColumn() {
        List<String> withoutDate = HUANGSHI.stream().filter(h -> !h.equals("认定日期")).toList();
        List<String> withoutListType = HUANGSHI.stream().filter(h -> !h.equals("名单类型")).toList();

        TemplateMapping.HeaderMatch incomplete = TemplateMapping.matchHeader(row(1, withoutDate), false);

        assertThat(incomplete).isInstanceOf(TemplateMapping.Incomplete.class);
        assertThat(((TemplateMapping.Incomplete) incomplete).missing()).containsExactly("认定日期");
        assertThat(((TemplateMapping.Incomplete) incomplete).message()).contains("认定日期", "missing");
        assertThat(TemplateMapping.matchHeader(row(1, withoutListType), false))
                .isInstanceOf(TemplateMapping.Incomplete.class);
        assertThat(TemplateMapping.matchHeader(row(1, withoutListType), true))
                .isInstanceOf(TemplateMapping.Found.class);
        assertThat(TemplateMapping.matchHeader(row(1, List.of("名称", "事由")), false))
                .isInstanceOf(TemplateMapping.NotHeader.class);
    }

    @Test
    @DisplayName("R3: Huangshi with a USCC is an organisation; its 身份证号码 is the legal representative's")
    void huangshiOrganisation() {
        TemplateMapping.MappedRow mapped = map(found(row(1, HUANGSHI)), row(2, List.of("黑名单(重大税收违法案件)",
                "某某贸易有限公司", USCC, "张三", ID, "虚开增值税专用发票", "市国税局", "《中华人民共和国税收征收管理法》",
                "2017-4-20", "2年")), "tax");

        ListingSubmission s = mapped.submission();
        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.subjectType()).isEqualTo(SubjectType.ORGANISATION);
        assertThat(s.listType()).isEqualTo("TAX_MAJOR_VIOLATION");
        assertThat(s.uscc()).isEqualTo(USCC);
        assertThat(s.idNumber()).isNull();
        assertThat(s.legalRepresentative()).isEqualTo("张三");
        assertThat(s.legalRepresentativeIdNumber()).isEqualTo(ID);
        assertThat(s.reason()).isEqualTo("虚开增值税专用发票");
        assertThat(s.basis()).isEqualTo("《中华人民共和国税收征收管理法》");
        assertThat(s.recognitionDate()).isEqualTo("2017-4-20");
        assertThat(s.validity()).isEqualTo("2年");
        assertThat(s.department()).isEqualTo("tax");
        assertThat(s.submissionId()).startsWith("upload:").hasSize("upload:".length() + 32);
    }

    @Test
    @DisplayName("R3: submission ids are exactly those of earlier versions, so a resumed or repeated upload finds its "
            + "rows (20 000 random submissions against the former computation)")
    void submissionIdUnchanged() throws Exception {
        java.util.Random random = new java.util.Random(9);
        String[] pool = {null, "", " ", "甲公司", " 张三 ", "91420200MA4KLB7Q32", "2017-4-20", "2年", "\u3000虚开\u3000",
                "a\u001Fb", "tax", "x y", "《依据》", "\t", "長期"};
        for (int n = 0; n < 20_000; n++) {
            String[] f = new String[17];
            for (int i = 0; i < f.length; i++) {
                f[i] = random.nextInt(4) == 0 ? null : pool[random.nextInt(pool.length)]
                        + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(1000)));
            }
            Boolean verified = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
            ListingSubmission s = new ListingSubmission(null, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8],
                    f[9], f[10], f[11], f[12], f[13], verified, f[15], f[16]);
            assertThat(TemplateMapping.submissionId(s)).isEqualTo(formerSubmissionId(s));
        }
    }

    /** The computation of the submission id before issue 9, kept here as the reference. */
    private static String formerSubmissionId(ListingSubmission s) throws Exception {
        String content = String.join("\u001F", Arrays.asList(s.department(), s.listType(), s.subjectType(), s.name(),
                s.uscc(), s.idType(), s.idNumber(), s.legalRepresentative(), s.reason(), s.basis(),
                s.recognitionDate(), s.validity(), s.organisationCode(), s.lei(), String.valueOf(s.usccVerified()),
                s.note(), s.legalRepresentativeIdNumber()).stream().map(v -> v == null ? "" : v.strip()).toList());
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "upload:" + java.util.HexFormat.of().formatHex(digest, 0, 16);
    }

    @Test
    @DisplayName("R3: the submission id is the row's content: the same row anywhere gives the same id, a corrected "
            + "row a new one, and it reveals no ID number")
    void contentSubmissionId() {
        TemplateMapping.Header header = found(row(1, HUANGSHI));
        List<String> cells = List.of("黑名单(重大税收违法案件)", "甲公司", USCC, "张三", ID, "虚开", "市国税局", "依据",
                "2017-4-20", "2年");
        List<String> corrected = new java.util.ArrayList<>(cells);
        corrected.set(8, "2017-4-21");

        String first = map(header, row(2, cells), "tax").submission().submissionId();
        String moved = map(header, row(40, cells), "tax").submission().submissionId();
        String spaced = map(header, row(2, cells.stream().map(c -> " " + c + " ").toList()), "tax").submission()
                .submissionId();
        String fixed = map(header, row(2, corrected), "tax").submission().submissionId();
        String otherDepartment = map(header, row(2, cells), "hrss").submission().submissionId();

        assertThat(moved).isEqualTo(first);
        assertThat(spaced).isEqualTo(first);
        assertThat(fixed).isNotEqualTo(first);
        assertThat(otherDepartment).isNotEqualTo(first);
        assertThat(first).doesNotContain(ID);
    }

    @Test
    @DisplayName("R3: Huangshi without a USCC (empty or '/') is a natural person identified by 身份证号码")
    void huangshiPerson() {
        TemplateMapping.Header header = found(row(1, HUANGSHI));
        for (String none : Arrays.asList(null, "/", "无")) {
            TemplateMapping.MappedRow mapped = map(header, row(2, Arrays.asList("TAX_MAJOR_VIOLATION", "李四", none,
                    null, "4202 0219 8001 0112 37", "逃避追缴欠税", null, null, "2018-1-2", "长期")), "tax");

            assertThat(mapped.subjectType()).isEqualTo(SubjectType.PERSON);
            assertThat(mapped.submission().uscc()).isNull();
            assertThat(mapped.submission().idNumber()).isEqualTo(ID);
            assertThat(mapped.submission().legalRepresentativeIdNumber()).isNull();
        }
    }

    @Test
    @DisplayName("R3: Daye organisations: 目录事项 is the reason and list type; a USCC in 组织机构代码 is read as one")
    void dayeOrganisation() {
        TemplateMapping.Header header = found(row(1, DAYE_ORGANISATIONS));

        TemplateMapping.MappedRow withUscc = map(header, row(2, List.of("1", "拖欠农民工工资", "某建筑公司", "王五", USCC,
                "黑榜", "2018-5-6", "1年", "已整改")), "hrss");
        TemplateMapping.MappedRow withCode = map(header, row(3, List.of("2", "拖欠农民工工资", "某老厂", "赵六",
                "MA4KLB7Q-3", "黑榜", "2018-5-6", "1年", "")), "hrss");

        assertThat(withUscc.problems()).isEmpty();
        assertThat(withUscc.submission().listType()).isEqualTo("WAGE_ARREARS");
        assertThat(withUscc.submission().reason()).isEqualTo("拖欠农民工工资");
        assertThat(withUscc.submission().uscc()).isEqualTo(USCC);
        assertThat(withUscc.submission().organisationCode()).isNull();
        assertThat(withUscc.submission().note()).isEqualTo("已整改");
        assertThat(withUscc.submission().basis()).isNull();
        assertThat(withCode.submission().uscc()).isNull();
        assertThat(withCode.submission().organisationCode()).isEqualTo("MA4KLB7Q-3");
        assertThat(TemplateMapping.notes("s", header, null, "hrss")).anyMatch(n -> n.contains("目录事项"));
    }

    @Test
    @DisplayName("R3: Daye persons: 证件类型 身份证 is RESIDENT_ID, 护照 PASSPORT, an unknown type is kept as written")
    void dayePersonIdTypes() {
        TemplateMapping.Header header = found(row(1, DAYE_PERSONS));

        assertThat(map(header, person("身份证"), "hrss").submission().idType()).isEqualTo("RESIDENT_ID");
        assertThat(map(header, person("居民身份证"), "hrss").submission().idType()).isEqualTo("RESIDENT_ID");
        assertThat(map(header, person("护照"), "hrss").submission().idType()).isEqualTo("PASSPORT");
        assertThat(map(header, person("台湾居民来往大陆通行证"), "hrss").submission().idType()).isEqualTo("TAIWAN_PERMIT");
        assertThat(map(header, person("士兵证"), "hrss").submission().idType()).isEqualTo("士兵证");
        assertThat(map(header, person(null), "hrss").submission().idType()).isNull();
        assertThat(map(header, person("身份证"), "hrss").subjectType()).isEqualTo(SubjectType.PERSON);
    }

    @Test
    @DisplayName("R1/R2: a 公布类别 or a written kind that contradicts the catalog's kind is a problem of its column")
    void kindMismatch() {
        TemplateMapping.Header daye = found(row(1, DAYE_PERSONS));
        TemplateMapping.Header huangshi = found(row(1, HUANGSHI));

        TemplateMapping.MappedRow red = map(daye, row(2, Arrays.asList("1", "拖欠农民工工资", "孙八", "身份证", ID, "红榜",
                "2018-5-6", "1年", null)), "hrss");
        TemplateMapping.MappedRow odd = map(daye, row(2, Arrays.asList("1", "拖欠农民工工资", "孙八", "身份证", ID, "紫榜",
                "2018-5-6", "1年", null)), "hrss");
        TemplateMapping.MappedRow written = map(huangshi, row(2, Arrays.asList("红名单(重大税收违法案件)", "甲", USCC, null,
                null, "事由", null, null, "2018-5-6", "1年")), "tax");

        assertThat(red.problems()).extracting(FieldProblem::field).containsExactly("publicationCategory");
        assertThat(TemplateMapping.columnOf(daye, "publicationCategory", false)).isEqualTo("公布类别(红/黑榜)");
        assertThat(odd.problems()).extracting(FieldProblem::message).anyMatch(m -> m.contains("红榜"));
        assertThat(written.problems()).extracting(FieldProblem::field).containsExactly("listType");
    }

    @Test
    @DisplayName("R2: a list type the catalog does not know is a problem of the 名单类型 column; listType parameter wins")
    void unresolvedListTypeAndParameter() {
        TemplateMapping.Header header = found(row(1, HUANGSHI));
        SheetRow row = row(2, Arrays.asList("黑名单(闯红灯)", "甲", USCC, null, null, "事由", null, null, "2018-5-6",
                "1年"));

        TemplateMapping.MappedRow unknown = map(header, row, "tax");
        TemplateMapping.MappedRow parameter = TemplateMapping.map(header, row, "tax", "TAX_MAJOR_VIOLATION", tax);

        assertThat(unknown.problems()).extracting(FieldProblem::field).containsExactly("listType");
        assertThat(TemplateMapping.columnOf(header, "listType", false)).isEqualTo("名单类型");
        assertThat(parameter.problems()).isEmpty();
        assertThat(parameter.submission().listType()).isEqualTo("TAX_MAJOR_VIOLATION");
        assertThat(TemplateMapping.columnOf(header, "listType", true)).contains("参数");
    }

    @Test
    @DisplayName("R3: problems are placed in the column the clerk sees: Huangshi's ID column holds both ID fields")
    void columns() {
        TemplateMapping.Header huangshi = found(row(1, HUANGSHI));
        TemplateMapping.Header daye = found(row(1, DAYE_ORGANISATIONS));

        assertThat(TemplateMapping.columnOf(huangshi, "legalRepresentativeIdNumber", false)).isEqualTo("身份证号码");
        assertThat(TemplateMapping.columnOf(huangshi, "idNumber", false)).isEqualTo("身份证号码");
        assertThat(TemplateMapping.columnOf(huangshi, "name", false)).isEqualTo("法人和其他组织名称(或自然人姓名)");
        assertThat(TemplateMapping.columnOf(daye, "uscc", false)).isEqualTo("组织机构代码");
        assertThat(TemplateMapping.columnOf(daye, "reason", false)).isEqualTo("目录事项");
        assertThat(TemplateMapping.columnOf(daye, "department", false)).contains("department");
    }

    @Test
    @DisplayName("R3: an ID number rejected from a numeric cell is explained: Excel keeps 15 significant digits")
    void numericCellHint() {
        TemplateMapping.Header header = found(row(1, HUANGSHI));
        BitSet numeric = new BitSet();
        numeric.set(4);
        SheetRow row = new SheetRow(2, Arrays.asList("x", "李四", null, null, "420202198001011000"), numeric,
                new BitSet());
        FieldProblem problem = new FieldProblem("idNumber", "身份证号码校验位错误 (ID number check character is wrong)");

        assertThat(TemplateMapping.explain(header, row, problem)).contains("校验位", "15");
        assertThat(TemplateMapping.explain(header, row(2, List.of("x")), problem)).isEqualTo(problem.message());
        assertThat(TemplateMapping.explain(header, row, problem)).doesNotContain("420202198001011000");
    }

    @Test
    @DisplayName("R3: a row with nothing but a 序号, or only values merged down from above, is blank")
    void blankRows() {
        TemplateMapping.Header header = found(row(1, DAYE_PERSONS));
        BitSet inherited = new BitSet();
        inherited.set(1);

        assertThat(TemplateMapping.isBlank(header, row(5, List.of("5")))).isTrue();
        assertThat(TemplateMapping.isBlank(header, row(9, List.of("报送单位（盖章）：")))).isTrue();
        assertThat(TemplateMapping.isBlank(header, new SheetRow(6, Arrays.asList("6", "拖欠农民工工资"), new BitSet(),
                inherited))).isTrue();
        assertThat(TemplateMapping.isBlank(header, person("身份证"))).isFalse();
    }

    @Test
    @DisplayName("R3: codes typed full-width or copied with no-break and zero-width spaces are read as their ASCII code")
    void invisibleAndFullWidth() {
        TemplateMapping.Header header = found(row(1, HUANGSHI));

        TemplateMapping.MappedRow organisation = map(header, row(2, List.of("TAX_MAJOR_VIOLATION", "甲公司\u00A0",
                "９１４２０２００ＭＡ４ＫＬＢ７Ｑ３２", "张三", "\u200B" + ID + "\u00A0", "偷税", "", "依据", "2017-4-20",
                "2年")), "tax");

        assertThat(organisation.submission().uscc()).isEqualTo(USCC);
        assertThat(organisation.submission().legalRepresentativeIdNumber()).isEqualTo(ID);
        assertThat(organisation.submission().name()).isEqualTo("甲公司");
    }

    @Test
    @DisplayName("R3: a cell showing a formula error, or a formula saved without its value, is a problem of its column")
    void formulaProblems() {
        TemplateMapping.Header header = found(row(1, HUANGSHI));
        BitSet uncalculated = new BitSet();
        uncalculated.set(2);
        SheetRow row = new SheetRow(2, Arrays.asList("TAX_MAJOR_VIOLATION", "#N/A", null, "张三", null, "#div/0!", null,
                "依据", "2017-4-20", "2年"), new BitSet(), new BitSet(), uncalculated);

        TemplateMapping.MappedRow mapped = map(header, row, "tax");

        assertThat(mapped.subjectType()).isEqualTo(SubjectType.ORGANISATION);
        assertThat(mapped.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("name", "uscc",
                "reason");
        assertThat(mapped.problems()).extracting(FieldProblem::message)
                .anyMatch(m -> m.contains("#N/A")).anyMatch(m -> m.contains("没有计算结果"));
        assertThat(TemplateMapping.isBlank(header, new SheetRow(3, Arrays.asList(null, null, null), new BitSet(),
                new BitSet(), uncalculated))).isFalse();
    }

    @Test
    @DisplayName("R3: a required field's message names the column as headed; a Huangshi row without USCC and ID number "
            + "is told which one to fill")
    void requiredMessages() {
        TemplateMapping.Header header = found(row(1, HUANGSHI));
        SheetRow row = row(2, Arrays.asList("TAX_MAJOR_VIOLATION", "甲公司", null, null, null, null));

        assertThat(TemplateMapping.explain(header, row, new FieldProblem("reason", "reason 为必填项 (reason is "
                + "required)"))).startsWith("“列入名单事由”为必填项");
        assertThat(TemplateMapping.explain(header, row, new FieldProblem("idNumber", "idNumber 为必填项 (idNumber is "
                + "required)"))).contains("均为空", "统一社会信用代码", "身份证号码");
    }

    @Test
    @DisplayName("R3: a two-level header (a group title over some columns, the rest merged down) is one header, "
            + "numbered as its lower row")
    void twoLevelHeader() {
        SheetRow upper = row(1, Arrays.asList("名单类型", "主体信息", null, null, null, "列入名单事由", "认定部门",
                "认定依据", "认定日期", "有效期"));
        SheetRow lower = row(2, Arrays.asList(null, "名称/姓名", "统一社会信用代码", "法定代表人", "身份证号码"));
        SheetRow data = row(2, Arrays.asList("TAX_MAJOR_VIOLATION", "甲公司", USCC, "张三", null, "偷税"));

        TemplateMapping.HeaderMatch match = TemplateMapping.findHeader(List.of(upper, lower), false);

        assertThat(match).isInstanceOf(TemplateMapping.Found.class);
        TemplateMapping.Header header = ((TemplateMapping.Found) match).header();
        assertThat(header.row()).isEqualTo(2);
        assertThat(header.column(Column.USCC)).contains(2);
        assertThat(header.column(Column.REASON)).contains(5);
        assertThat(TemplateMapping.findHeader(List.of(upper, data), false))
                .isInstanceOf(TemplateMapping.Incomplete.class);
    }

    private static SheetRow person(String idType) {
        return row(2, Arrays.asList("1", "拖欠农民工工资", "王小五", idType, ID, "黑榜", "2018-5-6", "1年", null));
    }

    private static TemplateMapping.MappedRow map(TemplateMapping.Header header, SheetRow row, String department) {
        return TemplateMapping.map(header, row, department, null,
                new ListTypeResolver(ListTypeResolverTest.CATALOG, department));
    }

    private static TemplateMapping.Header found(SheetRow row) {
        TemplateMapping.HeaderMatch match = TemplateMapping.matchHeader(row, false);
        assertThat(match).isInstanceOf(TemplateMapping.Found.class);
        return ((TemplateMapping.Found) match).header();
    }

    @Test
    @DisplayName("R3: a cell loses the invisible characters at its ends (no-break, ideographic, zero-width spaces, BOM) "
            + "exactly as the regex of the invisible class would strip them, and keeps those inside")
    // the regex's $ also matched before a final line terminator outside the class (U+0085): not in the alphabet
    void stripsInvisibleEndsLikeTheRegex() {
        java.util.regex.Pattern ends = java.util.regex.Pattern.compile("^[\\s\\u001C-\\u001F\\u00A0\\u1680\\u180E"
                + "\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u3000\\uFEFF]+|[\\s\\u001C-\\u001F\\u00A0\\u1680"
                + "\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u3000\\uFEFF]+$");
        char[] alphabet = {' ', '\t', '\n', '\u000B', '\u001D', '\u00A0', '\u200B', '\u2029', '\u3000', '\uFEFF',
                '\u2065', 'a', '黄', '/', '1'};
        java.util.Random random = new java.util.Random(9);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String cell = text.toString();
            assertThat(TemplateMapping.stripInvisible(cell)).as("%s", cell.chars().mapToObj(Integer::toHexString)
                    .toList()).isEqualTo(ends.matcher(cell).replaceAll(""));
        }
        assertThat(TemplateMapping.stripInvisible("\u3000\u00A0黄石 鑫源\u200B\uFEFF")).isEqualTo("黄石 鑫源");
    }

    private static SheetRow row(int number, List<String> cells) {
        return SheetRow.of(number, cells);
    }
}
