package io.creditloop.identification.intake;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.identification.listing.FieldProblem;
import io.creditloop.identification.listing.ListingSubmission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * R3: the report templates departments fill today, mapped to a {@link ListingSubmission}: Huangshi annex 1 (004) and
 * Daye annex 4 for organisations and for natural persons (002). A header row is recognised by its column names,
 * tolerant of spaces, full-width parentheses, {@code *} marks and the long and short forms of a name (the seed's
 * "法人和其他组织名称(或自然人姓名)" as well as "名称/姓名"); unknown columns are ignored and named once in the notes.
 * <p>
 * Huangshi: a filled 统一社会信用代码 makes the row an organisation, and then 身份证号码 is the legal
 * representative's; an empty one makes it a natural person, whose ID number 身份证号码 is. Daye: there is no reason
 * column, so 目录事项 is both the reason and the list type; there is no basis column, so the catalog's basis applies.
 */
public final class TemplateMapping {

    /** A header needs this many recognised columns before it is taken for one, so a title line never is. */
    static final int MIN_HEADER_MATCHES = 3;
    private static final Set<String> NOT_APPLICABLE = Set.of("/", "／", "-", "--", "—", "——", "无", "空", "n/a", "N/A");
    /** The error values Excel shows in a cell whose formula failed, e.g. a VLOOKUP that found nothing. */
    private static final Set<String> EXCEL_ERRORS = Set.of("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!",
            "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!");
    /** Spaces a clerk cannot see: no-break and other Unicode spaces, zero-width characters, byte order marks. */
    private static final String INVISIBLE = "\\s\\u001C-\\u001F\\u00A0\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u3000\\uFEFF";
    private static final Pattern INVISIBLE_ANYWHERE = Pattern.compile("[" + INVISIBLE + "]");
    /**
     * {@link #INVISIBLE} as a table by character, built from the same class: stripping a cell's ends is a scan from each
     * end (issue 9: the regex {@code ^[…]+|[…]+$} tried the class at every position of every long text).
     */
    private static final boolean[] INVISIBLE_CHAR = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            INVISIBLE_CHAR[c] = INVISIBLE_ANYWHERE.matcher(String.valueOf((char) c)).matches();
        }
    }

    public enum Template {
        HUANGSHI_ANNEX1("黄石附表1 红黑名单及联合奖惩对象信息记录报送格式"),
        DAYE_ANNEX4_ORGANISATIONS("大冶附件4 “红黑名单”信息报送表(企业和组织)"),
        DAYE_ANNEX4_PERSONS("大冶附件4 “红黑名单”信息报送表(自然人)");

        private final String title;

        Template(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public enum Column {
        SEQUENCE, LIST_TYPE, CATALOG_ITEM, NAME, USCC, ORGANISATION_CODE, LEGAL_REPRESENTATIVE, ID_TYPE, ID_NUMBER,
        REASON, RECOGNISING_DEPARTMENT, BASIS, RECOGNITION_DATE, VALIDITY, PUBLICATION_CATEGORY, NOTE
    }

    private record Spec(Column column, Requirement requirement, List<String> names) {
        String label() {
            return names.get(0);
        }
    }

    private enum Requirement { REQUIRED, REQUIRED_WITHOUT_LIST_TYPE_PARAMETER, OPTIONAL }

    private static final Map<Template, List<Spec>> SPECS = new EnumMap<>(Template.class);
    /** normalised header text → template → column, to tell a header row from a data row quickly. */
    private static final Map<String, Map<Template, Column>> NAMES = new HashMap<>();

    static {
        SPECS.put(Template.HUANGSHI_ANNEX1, List.of(
                optional(Column.SEQUENCE, "序号"),
                new Spec(Column.LIST_TYPE, Requirement.REQUIRED_WITHOUT_LIST_TYPE_PARAMETER, List.of("名单类型", "名单项目")),
                required(Column.NAME, "名称/姓名", "法人和其他组织名称(或自然人姓名)", "法人和其他组织名称或自然人姓名",
                        "名称或姓名", "名称", "姓名", "主体名称"),
                required(Column.USCC, "统一社会信用代码", "社会信用代码"),
                optional(Column.LEGAL_REPRESENTATIVE, "法定代表人", "法定代表人(单位负责人)姓名", "法定代表人(单位负责人)",
                        "法定代表人姓名", "单位负责人"),
                required(Column.ID_NUMBER, "身份证号码", "公民身份证号码", "身份证号"),
                required(Column.REASON, "列入名单事由", "列入名单的事由", "列入事由", "事由"),
                optional(Column.RECOGNISING_DEPARTMENT, "认定部门", "认定部门(单位)"),
                optional(Column.BASIS, "认定依据"),
                required(Column.RECOGNITION_DATE, "认定日期", "认定时间"),
                optional(Column.VALIDITY, "有效期")));
        SPECS.put(Template.DAYE_ANNEX4_ORGANISATIONS, List.of(
                optional(Column.SEQUENCE, "序号"),
                required(Column.CATALOG_ITEM, "目录事项"),
                required(Column.NAME, "企业名称", "企业(组织)名称", "单位名称", "组织名称"),
                optional(Column.LEGAL_REPRESENTATIVE, "法定代表人", "法定代表人姓名"),
                required(Column.ORGANISATION_CODE, "组织机构代码", "组织机构代码/统一社会信用代码",
                        "统一社会信用代码/组织机构代码", "统一社会信用代码(组织机构代码)"),
                optional(Column.PUBLICATION_CATEGORY, "公布类别(红/黑榜)", "公布类别", "红/黑榜"),
                required(Column.RECOGNITION_DATE, "认定时间", "认定日期"),
                optional(Column.VALIDITY, "有效期"),
                optional(Column.NOTE, "备注")));
        SPECS.put(Template.DAYE_ANNEX4_PERSONS, List.of(
                optional(Column.SEQUENCE, "序号"),
                required(Column.CATALOG_ITEM, "目录事项"),
                required(Column.NAME, "姓名", "自然人姓名"),
                optional(Column.ID_TYPE, "证件类型"),
                required(Column.ID_NUMBER, "证件号码", "身份证号码", "证件号"),
                optional(Column.PUBLICATION_CATEGORY, "公布类别(红/黑榜)", "公布类别", "红/黑榜"),
                required(Column.RECOGNITION_DATE, "认定时间", "认定日期"),
                optional(Column.VALIDITY, "有效期"),
                optional(Column.NOTE, "备注")));
        SPECS.forEach((template, specs) -> specs.forEach(spec -> spec.names().forEach(name ->
                NAMES.computeIfAbsent(headerKey(name), k -> new EnumMap<>(Template.class))
                        .putIfAbsent(template, spec.column()))));
    }

    private static final Map<String, String> ID_TYPES = new LinkedHashMap<>();

    static {
        for (String name : List.of("身份证", "居民身份证", "身份证号码", "身份证号", "二代身份证", "公民身份证",
                "中华人民共和国居民身份证", "resident_id")) {
            ID_TYPES.put(headerKey(name), "RESIDENT_ID");
        }
        for (String name : List.of("护照", "中国护照", "外国护照", "passport")) {
            ID_TYPES.put(headerKey(name), "PASSPORT");
        }
        for (String name : List.of("港澳居民来往内地通行证", "回乡证")) {
            ID_TYPES.put(headerKey(name), "HK_MACAO_PERMIT");
        }
        for (String name : List.of("台湾居民来往大陆通行证", "台胞证")) {
            ID_TYPES.put(headerKey(name), "TAIWAN_PERMIT");
        }
        ID_TYPES.put(headerKey("港澳台居民居住证"), "HMT_RESIDENCE_PERMIT");
        for (String name : List.of("外国人永久居留身份证", "外国人永久居留证")) {
            ID_TYPES.put(headerKey(name), "FOREIGN_PERMANENT_RESIDENT");
        }
        ID_TYPES.put(headerKey("军官证"), "MILITARY_OFFICER_ID");
    }

    private TemplateMapping() {
    }

    private static Spec required(Column column, String... names) {
        return new Spec(column, Requirement.REQUIRED, List.of(names));
    }

    private static Spec optional(Column column, String... names) {
        return new Spec(column, Requirement.OPTIONAL, List.of(names));
    }

    /**
     * A sheet's header row matched to a template.
     *
     * @param columns    template column → 0-based sheet column
     * @param labels     template column → the header text as written in the file, for messages
     * @param unknown    header texts that match no column of the template, ignored
     * @param lastColumn the header's last non-empty column
     */
    public record Header(Template template, int row, Map<Column, Integer> columns, Map<Column, String> labels,
                         List<String> unknown, int lastColumn) {

        public Optional<Integer> column(Column column) {
            return Optional.ofNullable(columns.get(column));
        }

        public boolean has(Column column) {
            return columns.containsKey(column);
        }

        public String label(Column column) {
            String label = labels.get(column);
            if (label != null) {
                return label;
            }
            return SPECS.get(template).stream().filter(s -> s.column() == column).findFirst().map(Spec::label)
                    .orElse(column.name());
        }
    }

    /** What a row turned out to be when looked at as a header. */
    public sealed interface HeaderMatch permits Found, Incomplete, NotHeader {
    }

    public record Found(Header header) implements HeaderMatch {
    }

    /** A header row of a template that lacks required columns, or names one twice. */
    public record Incomplete(Template template, int row, List<String> missing, List<String> duplicated)
            implements HeaderMatch {

        public String message() {
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) {
                parts.add("缺少必填列 " + String.join("、", missing) + " (missing required column(s) "
                        + String.join(", ", missing) + ")");
            }
            if (!duplicated.isEmpty()) {
                parts.add("列 " + String.join("、", duplicated) + " 出现多次 (column(s) appear more than once: "
                        + String.join(", ", duplicated) + ")");
            }
            return "第 " + row + " 行的表头按“" + template.title() + "”模板读取，" + String.join("；", parts);
        }
    }

    public record NotHeader() implements HeaderMatch {
    }

    /**
     * The first of {@code rows} that is a header, as it is; {@link NotHeader} when none is. A header that lacks columns
     * and is followed by a row of nothing but column names is a two-level header (主体信息 above 名称 and 统一社会信用代码,
     * the other names merged down over both rows): the two rows are read as one, numbered as the lower.
     */
    public static HeaderMatch findHeader(List<SheetRow> rows, boolean listTypeGiven) {
        for (int i = 0; i < rows.size(); i++) {
            HeaderMatch match = matchHeader(rows.get(i), listTypeGiven);
            if (match instanceof Incomplete && i + 1 < rows.size() && onlyColumnNames(rows.get(i + 1))) {
                HeaderMatch combined = matchHeader(stacked(rows.get(i), rows.get(i + 1)), listTypeGiven);
                if (combined instanceof Found) {
                    return combined;
                }
            }
            if (!(match instanceof NotHeader)) {
                return match;
            }
        }
        return new NotHeader();
    }

    private static boolean onlyColumnNames(SheetRow row) {
        boolean any = false;
        for (int i = 0; i < row.width(); i++) {
            String text = row.cell(i);
            if (text != null) {
                if (lookup(text) == null) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The upper header row with the names of the lower one written over it, as the lower row. */
    private static SheetRow stacked(SheetRow upper, SheetRow lower) {
        List<String> cells = new ArrayList<>(upper.cells());
        for (int i = 0; i < lower.width(); i++) {
            String text = lower.cell(i);
            if (text != null) {
                while (cells.size() <= i) {
                    cells.add(null);
                }
                cells.set(i, text);
            }
        }
        return SheetRow.of(lower.number(), cells);
    }

    /** Whether {@code row} is a header row and of which template: the template with most recognised columns wins. */
    public static HeaderMatch matchHeader(SheetRow row, boolean listTypeGiven) {
        Map<Template, Integer> scores = new EnumMap<>(Template.class);
        for (int i = 0; i < row.width(); i++) {
            String text = row.cell(i);
            if (text != null) {
                Map<Template, Column> known = lookup(text);
                if (known != null) {
                    known.keySet().forEach(t -> scores.merge(t, 1, Integer::sum));
                }
            }
        }
        Template best = null;
        int bestScore = 0;
        for (Map.Entry<Template, Integer> score : scores.entrySet()) {
            if (score.getValue() > bestScore) {
                best = score.getKey();
                bestScore = score.getValue();
            }
        }
        if (best == null || bestScore < MIN_HEADER_MATCHES) {
            return new NotHeader();
        }
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        Map<Column, String> labels = new EnumMap<>(Column.class);
        List<String> unknown = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        int last = 0;
        for (int i = 0; i < row.width(); i++) {
            String text = row.cell(i);
            if (text == null) {
                continue;
            }
            last = i;
            Map<Template, Column> known = lookup(text);
            Column column = known == null ? null : known.get(best);
            if (column == null) {
                unknown.add(text.strip());
            } else if (columns.containsKey(column)) {
                duplicated.add(text.strip());
            } else {
                columns.put(column, i);
                labels.put(column, text.strip());
            }
        }
        List<String> missing = new ArrayList<>();
        for (Spec spec : SPECS.get(best)) {
            boolean needed = spec.requirement() == Requirement.REQUIRED
                    || (spec.requirement() == Requirement.REQUIRED_WITHOUT_LIST_TYPE_PARAMETER && !listTypeGiven);
            if (needed && !columns.containsKey(spec.column())) {
                missing.add(spec.label());
            }
        }
        if (!missing.isEmpty() || !duplicated.isEmpty()) {
            return new Incomplete(best, row.number(), missing, duplicated);
        }
        return new Found(new Header(best, row.number(), columns, labels, unknown, last));
    }

    /**
     * {@link #lookup}'s answers for cell texts seen lately. Every data row is checked for being a later header (a
     * stacked table), and most of its cells repeat from row to row (list type, department, reason, basis, validity):
     * folding them again for each row was a tenth of the intake's CPU (issue 9). Bounded in entries and text length.
     */
    private static final Map<String, Optional<Map<Template, Column>>> LOOKUPS = new ConcurrentHashMap<>();
    private static final int LOOKUPS_MAX_ENTRIES = 4096;
    private static final int LOOKUPS_MAX_TEXT = 512;

    private static Map<Template, Column> lookup(String text) {
        if (text.length() > LOOKUPS_MAX_TEXT) {
            return lookupUncached(text);
        }
        Optional<Map<Template, Column>> known = LOOKUPS.get(text);
        if (known == null) {
            known = Optional.ofNullable(lookupUncached(text));
            if (LOOKUPS.size() >= LOOKUPS_MAX_ENTRIES) {
                LOOKUPS.clear();
            }
            LOOKUPS.put(text, known);
        }
        return known.orElse(null);
    }

    private static Map<Template, Column> lookupUncached(String text) {
        String key = headerKey(text);
        Map<Template, Column> known = NAMES.get(key);
        if (known == null && key.contains("(")) {
            known = NAMES.get(key.replaceAll("\\(.*?\\)", ""));
        }
        return known;
    }

    /** Header text folded for matching: full-width forms to ASCII, no spaces, no {@code *} marks, no trailing colon. */
    static String headerKey(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '*') {
                out.append(Character.toLowerCase(c));
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == ':') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /**
     * Things the clerk should know about how a sheet was read, once per sheet rather than once per row.
     *
     * @param listTypeParameter the list type code given for every row, or {@code null}
     */
    public static List<String> notes(String sheet, Header header, String listTypeParameter, String department) {
        List<String> notes = new ArrayList<>();
        String where = "工作表“" + sheet + "”";
        notes.add(where + "第 " + header.row() + " 行为表头，按“" + header.template().title() + "”读取 (header row "
                + header.row() + ", template " + header.template().name() + ")");
        if (!header.unknown().isEmpty()) {
            notes.add(where + "已忽略未知列: " + String.join("、", header.unknown()) + " (ignored unknown columns: "
                    + String.join(", ", header.unknown()) + ")");
        }
        if (header.template() != Template.HUANGSHI_ANNEX1) {
            notes.add(where + "：大冶模板没有事由列，以“目录事项”作为列入名单事由；认定依据取目录中该名单类型的依据 (Daye "
                    + "templates have no reason column: 目录事项 is used as the reason; the basis is the catalog's)");
        }
        if (header.has(Column.RECOGNISING_DEPARTMENT)) {
            notes.add(where + "：“" + header.label(Column.RECOGNISING_DEPARTMENT) + "”列仅作参考，认定部门按上传参数 "
                    + "department=" + department + " 记录 (the recognising department is the upload's department "
                    + "parameter; the column is not read)");
        }
        if (listTypeParameter != null && (header.has(Column.LIST_TYPE) || header.has(Column.CATALOG_ITEM))) {
            notes.add(where + "：所有行的名单类型取参数 listType=" + listTypeParameter + "，不读名单类型/目录事项列 "
                    + "(every row takes the listType parameter)");
        }
        if (!header.has(Column.VALIDITY)) {
            notes.add(where + "：没有有效期列，有效期取目录默认值 (no validity column: the catalog default applies)");
        }
        return notes;
    }

    /**
     * True when the row has no text of its own in the template's columns: a template's numbered empty line, a footer
     * (报送单位, 联系人), a title between two stacked tables.
     */
    public static boolean isBlank(Header header, SheetRow row) {
        for (Map.Entry<Column, Integer> column : header.columns().entrySet()) {
            if (column.getKey() == Column.SEQUENCE || row.isInherited(column.getValue())) {
                continue;
            }
            if (text(row, column.getValue()) != null || row.isUncalculated(column.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A row mapped to a submission, with the problems found before the record content rules run. */
    public record MappedRow(ListingSubmission submission, List<FieldProblem> problems, SubjectType subjectType) {
    }

    /**
     * The row as a submission whose id is derived from its content (see {@link #submissionId}).
     *
     * @param listTypeParameter the list type code for every row (already checked against the catalog), or null
     */
    public static MappedRow map(Header header, SheetRow row, String department, String listTypeParameter,
                                ListTypeResolver resolver) {
        MappedRow mapped = mapContent(header, row, department, listTypeParameter, resolver);
        ListingSubmission s = mapped.submission();
        return new MappedRow(new ListingSubmission(submissionId(s), s.department(), s.listType(),
                s.subjectType(), s.name(), s.uscc(), s.idType(), s.idNumber(), s.legalRepresentative(), s.reason(),
                s.basis(), s.recognitionDate(), s.validity(), s.organisationCode(), s.lei(), s.usccVerified(),
                s.note(), s.legalRepresentativeIdNumber()), mapped.problems(), mapped.subjectType());
    }

    /**
     * {@code upload:} and 32 hex characters of the SHA-256 of the row's fields as mapped. The same row gives the same
     * id in any file, at any position: uploading a file again creates nothing twice, and neither does uploading it
     * again after correcting its rejected rows (only the corrected rows are new). Two identical rows in one file are
     * one listing. (An id from the file's hash and the row number would list every unchanged row a second time once
     * the clerk fixed one row and re-uploaded.)
     */
    static String submissionId(ListingSubmission s) {
        String[] fields = {s.department(), s.listType(), s.subjectType(), s.name(), s.uscc(), s.idType(),
                s.idNumber(), s.legalRepresentative(), s.reason(), s.basis(), s.recognitionDate(), s.validity(),
                s.organisationCode(), s.lei(), String.valueOf(s.usccVerified()), s.note(),
                s.legalRepresentativeIdNumber()};
        StringBuilder content = new StringBuilder(256);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                content.append('\u001F');
            }
            if (fields[i] != null) {
                content.append(fields[i].strip());
            }
        }
        byte[] digest = SHA_256.get().digest(content.toString().getBytes(StandardCharsets.UTF_8));
        return "upload:" + HEX.formatHex(digest, 0, 16);
    }

    /** Issue 9: one digest per thread rather than a provider look-up per row ({@code digest} resets it). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    });
    private static final HexFormat HEX = HexFormat.of();

    private static MappedRow mapContent(Header header, SheetRow row, String department, String listTypeParameter,
                                        ListTypeResolver resolver) {
        String submissionId = null;
        List<FieldProblem> problems = new ArrayList<>();
        Column listTypeColumn = header.template() == Template.HUANGSHI_ANNEX1 ? Column.LIST_TYPE : Column.CATALOG_ITEM;
        String listTypeText = text(header, row, listTypeColumn);
        String listType;
        ListTypeResolver.Entry entry = null;
        if (listTypeParameter != null) {
            listType = listTypeParameter;
            entry = resolver.byCode(listTypeParameter).orElse(null);
        } else if (listTypeText == null) {
            listType = null;
        } else {
            ListTypeResolver.Resolution resolution = resolver.resolve(listTypeText);
            if (resolution instanceof ListTypeResolver.Found found) {
                entry = found.entry();
                listType = entry.code();
                Optional<ListKind> written = ListTypeResolver.kindWritten(listTypeText);
                if (written.isPresent() && written.get() != entry.kind()) {
                    problems.add(new FieldProblem("listType", "名单类型写的是" + kindName(written.get()) + "，但目录中“"
                            + entry.name() + "”是" + kindName(entry.kind()) + " (the kind written does not match the "
                            + "catalog's kind " + entry.kind() + ")"));
                }
            } else {
                listType = listTypeText;
                problems.add(new FieldProblem("listType", ((ListTypeResolver.Unresolved) resolution).message()));
            }
        }

        String category = text(header, row, Column.PUBLICATION_CATEGORY);
        if (category != null) {
            Optional<ListKind> kind = ListTypeResolver.kindWritten(category);
            if (kind.isEmpty()) {
                problems.add(new FieldProblem("publicationCategory", "公布类别应为“红榜”或“黑榜” (publication category "
                        + "must be 红榜 or 黑榜)"));
            } else if (entry != null && kind.get() != entry.kind()) {
                problems.add(new FieldProblem("publicationCategory", "公布类别为" + kindName(kind.get()) + "，但名单类型“"
                        + entry.name() + "”是" + kindName(entry.kind()) + " (publication category does not match the "
                        + "list type's kind " + entry.kind() + ")"));
            }
        }

        problems.addAll(formulaProblems(header, row, listTypeParameter != null));

        String name = text(header, row, Column.NAME);
        String recognitionDate = text(header, row, Column.RECOGNITION_DATE);
        String validity = text(header, row, Column.VALIDITY);
        String legalRepresentative = text(header, row, Column.LEGAL_REPRESENTATIVE);
        String note = text(header, row, Column.NOTE);
        ListingSubmission submission;
        SubjectType subjectType;
        switch (header.template()) {
            case HUANGSHI_ANNEX1 -> {
                String uscc = compact(text(header, row, Column.USCC));
                String id = compact(text(header, row, Column.ID_NUMBER));
                boolean usccFormula = header.column(Column.USCC).map(row::isUncalculated).orElse(false);
                subjectType = uscc != null || usccFormula ? SubjectType.ORGANISATION : SubjectType.PERSON;
                submission = new ListingSubmission(submissionId, department, listType, subjectType.name(), name,
                        uscc, null, uscc == null ? id : null, legalRepresentative,
                        text(header, row, Column.REASON), text(header, row, Column.BASIS), recognitionDate, validity,
                        null, null, null, null, uscc != null ? id : null);
            }
            case DAYE_ANNEX4_ORGANISATIONS -> {
                subjectType = SubjectType.ORGANISATION;
                String code = compact(text(header, row, Column.ORGANISATION_CODE));
                // departments often write the 18-character USCC into the old 组织机构代码 column
                boolean isUscc = code != null && code.replace("-", "").length() == 18;
                submission = new ListingSubmission(submissionId, department, listType, subjectType.name(), name,
                        isUscc ? code.replace("-", "") : null, null, null, legalRepresentative, listTypeText, null,
                        recognitionDate, validity, isUscc ? null : code, null, null, note, null);
            }
            case DAYE_ANNEX4_PERSONS -> {
                subjectType = SubjectType.PERSON;
                submission = new ListingSubmission(submissionId, department, listType, subjectType.name(), name,
                        null, idType(text(header, row, Column.ID_TYPE)), compact(text(header, row, Column.ID_NUMBER)),
                        null, listTypeText, null, recognitionDate, validity, null, null, null, note, null);
            }
            default -> throw new IllegalStateException("unknown template " + header.template());
        }
        return new MappedRow(submission, problems, subjectType);
    }

    /**
     * A cell showing a formula's error (#N/A, #VALUE!, ...) is never taken for the value it should have had, and a formula
     * saved without its value (by a program that does not calculate) is not taken for an empty cell: the clerk sees a
     * value there in Excel.
     */
    private static List<FieldProblem> formulaProblems(Header header, SheetRow row, boolean listTypeParameter) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<Column, Integer> mapped : header.columns().entrySet()) {
            Column column = mapped.getKey();
            if (column == Column.SEQUENCE || column == Column.RECOGNISING_DEPARTMENT
                    || (listTypeParameter && (column == Column.LIST_TYPE || column == Column.CATALOG_ITEM))) {
                continue;
            }
            String field = field(column);
            String value = text(row, mapped.getValue());
            if (row.isUncalculated(mapped.getValue())) {
                problems.add(new FieldProblem(field, "该单元格的公式没有计算结果（文件不是由 Excel 或 WPS 保存的）：请在 "
                        + "Excel 或 WPS 中打开、保存后重新上传 (the formula in this cell was saved without its value: "
                        + "open the file in Excel or WPS, save it and upload it again)"));
            } else if (value != null && EXCEL_ERRORS.contains(value.toUpperCase(java.util.Locale.ROOT))) {
                problems.add(new FieldProblem(field, "该单元格是公式错误值 " + value + "，请改正公式或直接填写内容 (the "
                        + "cell shows the formula error " + value + ": correct the formula or type the value)"));
            }
        }
        return problems;
    }

    /** The submission field a template column is read into; see {@link #columnOf}. */
    private static String field(Column column) {
        return switch (column) {
            case LIST_TYPE, CATALOG_ITEM -> "listType";
            case NAME -> "name";
            case USCC -> "uscc";
            case ORGANISATION_CODE -> "organisationCode";
            case LEGAL_REPRESENTATIVE -> "legalRepresentative";
            case ID_TYPE -> "idType";
            case ID_NUMBER -> "idNumber";
            case REASON -> "reason";
            case BASIS -> "basis";
            case RECOGNITION_DATE -> "recognitionDate";
            case VALIDITY -> "validity";
            case PUBLICATION_CATEGORY -> "publicationCategory";
            case NOTE -> "note";
            case SEQUENCE, RECOGNISING_DEPARTMENT -> column.name();
        };
    }

    /** Daye's 证件类型 as the ID type code; text that names no known type is kept as written. */
    static String idType(String text) {
        if (text == null) {
            return null;
        }
        String code = ID_TYPES.get(headerKey(text).replaceAll("[()]", ""));
        return code != null ? code : text.strip();
    }

    /** The template column a problem of {@code field} is about, as the header reads, or the request parameter. */
    public static String columnOf(Header header, String field, boolean listTypeParameter) {
        boolean huangshi = header.template() == Template.HUANGSHI_ANNEX1;
        return switch (field) {
            case "listType" -> listTypeParameter ? "listType (参数)"
                    : header.label(huangshi ? Column.LIST_TYPE : Column.CATALOG_ITEM);
            case "department" -> "department (参数)";
            case "subjectType" -> huangshi ? header.label(Column.USCC) : "subjectType";
            case "name" -> header.label(Column.NAME);
            case "uscc" -> header.label(huangshi ? Column.USCC : Column.ORGANISATION_CODE);
            case "organisationCode" -> header.label(Column.ORGANISATION_CODE);
            case "idType" -> header.label(Column.ID_TYPE);
            case "idNumber", "legalRepresentativeIdNumber" -> header.label(Column.ID_NUMBER);
            case "legalRepresentative" -> header.label(Column.LEGAL_REPRESENTATIVE);
            case "reason" -> header.label(huangshi ? Column.REASON : Column.CATALOG_ITEM);
            case "basis" -> header.label(Column.BASIS);
            case "recognitionDate" -> header.label(Column.RECOGNITION_DATE);
            case "validity" -> header.label(Column.VALIDITY);
            case "note" -> header.label(Column.NOTE);
            case "publicationCategory" -> header.label(Column.PUBLICATION_CATEGORY);
            default -> field;
        };
    }

    /**
     * The problem's message for a clerk; when the code was in a numeric cell, why it is probably wrong: Excel keeps
     * only 15 significant digits of a number, so an 18-digit code typed into a number cell has lost its tail.
     */
    public static String explain(Header header, SheetRow row, FieldProblem problem) {
        String message = problem.message();
        if (message.equals(problem.field() + " 为必填项 (" + problem.field() + " is required)")) {
            message = required(header, row, problem.field());
        }
        Column column = switch (problem.field()) {
            case "uscc" -> header.template() == Template.HUANGSHI_ANNEX1 ? Column.USCC : Column.ORGANISATION_CODE;
            case "organisationCode" -> Column.ORGANISATION_CODE;
            case "idNumber", "legalRepresentativeIdNumber" -> Column.ID_NUMBER;
            default -> null;
        };
        if (column != null && header.column(column).map(row::isNumeric).orElse(false)) {
            return message + "；该单元格是数值格式，Excel 只保留 15 位有效数字，请把该列设为文本格式后重新录入 "
                    + "(the cell is a number: Excel keeps only 15 significant digits; format the column as text and "
                    + "re-enter the code)";
        }
        return message;
    }

    /**
     * A required field's message in the words of the sheet: the column as headed, not the API's field name. Huangshi's
     * annex 1 tells organisations from persons by which code is filled, so a row with neither gets that said.
     */
    private static String required(Header header, SheetRow row, String field) {
        if (header.template() == Template.HUANGSHI_ANNEX1 && field.equals("idNumber")
                && text(header, row, Column.USCC) == null) {
            return "“" + header.label(Column.USCC) + "”和“" + header.label(Column.ID_NUMBER) + "”均为空：法人和其他组织"
                    + "填写统一社会信用代码，自然人填写身份证号码 (both the USCC and the ID number are empty: an "
                    + "organisation needs its USCC, a natural person an ID number)";
        }
        String label = columnOf(header, field, false);
        return "“" + label + "”为必填项，不能为空 (" + label + " is required)";
    }

    private static String kindName(ListKind kind) {
        return switch (kind) {
            case RED -> "红名单";
            case BLACK -> "黑名单";
            case GRAY -> "重点关注(灰)名单";
        };
    }

    private static String text(Header header, SheetRow row, Column column) {
        Integer index = header.columns().get(column);
        return index == null ? null : text(row, index);
    }

    /** The cell's text stripped; "/", "-" and "无", which clerks write for "not applicable", count as empty. */
    private static String text(SheetRow row, int column) {
        String value = row.cell(column);
        if (value == null) {
            return null;
        }
        String text = stripInvisible(value);
        return text.isEmpty() || NOT_APPLICABLE.contains(text) ? null : text;
    }

    /** The text without the invisible characters at its start and end. */
    static String stripInvisible(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && INVISIBLE_CHAR[value.charAt(start)]) {
            start++;
        }
        while (end > start && INVISIBLE_CHAR[value.charAt(end - 1)]) {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * Codes lose the spaces clerks type into them for readability and the invisible ones a copy from a web page brings
     * along; full-width letters and digits (typed with the input method in full-width mode) become ASCII.
     */
    private static String compact(String code) {
        return code == null ? null
                : INVISIBLE_ANYWHERE.matcher(Normalizer.normalize(code, Normalizer.Form.NFKC)).replaceAll("");
    }
}
