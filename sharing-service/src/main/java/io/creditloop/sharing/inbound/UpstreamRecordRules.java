package io.creditloop.sharing.inbound;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sharing.subject.IdNumber;
import io.creditloop.sharing.subject.Uscc;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R4, R5: what a record received from an upstream platform must carry before identification's red/black
 * cross-checks may rely on it — a list name and kind (R1), the subject identified by a valid USCC (GB 32100) or
 * resident ID number (GB 11643), and consistent dates. A record that fails is refused with every reason at once;
 * it is never stored half-checked.
 */
public final class UpstreamRecordRules {

    static final int MAX_TEXT = 200;
    private static final Pattern UPSTREAM_ID = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S} ]{1,100}");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*(?:[-/.年])\\s*(\\d{1,2})\\s*(?:[-/.月])\\s*(\\d{1,2})\\s*日?(?:[ T]0{1,2}:00(?::00)?)?");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private static final Map<String, ListKind> KINDS = Map.ofEntries(
            Map.entry("红", ListKind.RED), Map.entry("红名单", ListKind.RED), Map.entry("RED", ListKind.RED),
            Map.entry("黑", ListKind.BLACK), Map.entry("黑名单", ListKind.BLACK), Map.entry("BLACK", ListKind.BLACK),
            Map.entry("重点关注", ListKind.GRAY), Map.entry("重点关注名单", ListKind.GRAY), Map.entry("灰", ListKind.GRAY),
            Map.entry("灰名单", ListKind.GRAY), Map.entry("GRAY", ListKind.GRAY));
    private static final Map<String, SubjectType> SUBJECT_TYPES = Map.ofEntries(
            Map.entry("法人", SubjectType.ORGANISATION), Map.entry("法人和其他组织", SubjectType.ORGANISATION),
            Map.entry("法人及其他组织", SubjectType.ORGANISATION), Map.entry("组织", SubjectType.ORGANISATION),
            Map.entry("企业", SubjectType.ORGANISATION), Map.entry("ORGANISATION", SubjectType.ORGANISATION),
            Map.entry("自然人", SubjectType.PERSON), Map.entry("个人", SubjectType.PERSON),
            Map.entry("PERSON", SubjectType.PERSON));
    private static final Map<String, Boolean> STATES = Map.ofEntries(
            Map.entry("有效", true), Map.entry("在册", true), Map.entry("TRUE", true),
            Map.entry("已移出", false), Map.entry("移出", false), Map.entry("已撤销", false), Map.entry("失效", false),
            Map.entry("FALSE", false));

    private UpstreamRecordRules() {
    }

    /** Either the checked record or every problem it has. */
    public sealed interface Checked permits Accepted, Refused {
    }

    public record Accepted(UpstreamRecord record) implements Checked {
    }

    public record Refused(List<RecordProblem> problems) implements Checked {
    }

    public static Checked check(RawUpstreamRecord raw, LocalDate today) {
        List<RecordProblem> problems = new ArrayList<>();
        Problems p = (field, reason) -> problems.add(new RecordProblem(raw.position(), raw.column(field), reason));
        for (UpstreamField field : UpstreamField.values()) {
            String value = raw.value(field);
            if (value != null && CONTROL.matcher(value).find()) {
                p.add(field, "不是文本或含控制字符 (not text, or contains control characters)");
            }
        }
        if (!problems.isEmpty()) {
            return new Refused(List.copyOf(problems));
        }

        String upstreamId = raw.value(UpstreamField.UPSTREAM_ID);
        if (upstreamId == null) {
            p.add(UpstreamField.UPSTREAM_ID, "缺少编号 (the record's id at the source is missing)");
        } else if (!UPSTREAM_ID.matcher(upstreamId).matches()) {
            p.add(UpstreamField.UPSTREAM_ID, "编号最多100个字符，不得含控制字符 (the id has at most 100 characters, no "
                    + "control characters)");
        }
        String listName = text(raw, UpstreamField.LIST_NAME, "缺少名单名称 (the list name is missing)", p);
        ListKind kind = choice(raw, UpstreamField.KIND, KINDS, "名单类型应为红、黑或重点关注 (the kind must be "
                + "红/red, 黑/black or 重点关注/gray)", p);
        SubjectType subjectType = choice(raw, UpstreamField.SUBJECT_TYPE, SUBJECT_TYPES, "主体类型应为法人和其他组织或"
                + "自然人 (the subject type must be 法人和其他组织/ORGANISATION or 自然人/PERSON)", p);
        String name = text(raw, UpstreamField.NAME, "缺少名称/姓名 (the subject's name is missing)", p);
        String authority = raw.value(UpstreamField.AUTHORITY);
        if (authority != null && authority.length() > MAX_TEXT) {
            p.add(UpstreamField.AUTHORITY, "认定机关过长 (the authority has more than " + MAX_TEXT + " characters)");
        }

        String uscc = raw.value(UpstreamField.USCC);
        String idNumber = raw.value(UpstreamField.ID_NUMBER);
        if (subjectType == SubjectType.ORGANISATION) {
            if (uscc == null) {
                p.add(UpstreamField.USCC, "法人和其他组织须填统一社会信用代码 (an organisation needs its USCC)");
            } else if (Uscc.problem(uscc) != null) {
                p.add(UpstreamField.USCC, Uscc.problem(uscc));
            }
            if (idNumber != null) {
                p.add(UpstreamField.ID_NUMBER, "法人和其他组织不填身份证号码 (an organisation has no ID number; the legal "
                        + "representative's is not received)");
            }
        } else if (subjectType == SubjectType.PERSON) {
            if (idNumber == null) {
                p.add(UpstreamField.ID_NUMBER, "自然人须填身份证号码 (a person needs the resident ID number)");
            } else if (IdNumber.problem(idNumber, today) != null) {
                p.add(UpstreamField.ID_NUMBER, IdNumber.problem(idNumber, today));
            }
            if (uscc != null) {
                p.add(UpstreamField.USCC, "自然人不填统一社会信用代码 (a person has no USCC)");
            }
        }

        LocalDate recognitionDate = date(raw, UpstreamField.RECOGNITION_DATE, p);
        LocalDate validUntil = date(raw, UpstreamField.VALID_UNTIL, p);
        if (recognitionDate != null && recognitionDate.isAfter(today)) {
            p.add(UpstreamField.RECOGNITION_DATE, "认定日期不能晚于今天 (the recognition date is in the future)");
        }
        if (recognitionDate != null && validUntil != null && validUntil.isBefore(recognitionDate)) {
            p.add(UpstreamField.VALID_UNTIL, "有效期至早于认定日期 (valid until is before the recognition date)");
        }
        Boolean inForce = raw.value(UpstreamField.IN_FORCE) == null ? Boolean.TRUE
                : choice(raw, UpstreamField.IN_FORCE, STATES, "状态应为有效或已移出 (the state must be 有效/true or "
                + "已移出/false)", p);

        if (!problems.isEmpty()) {
            return new Refused(List.copyOf(problems));
        }
        return new Accepted(new UpstreamRecord(upstreamId, listName, kind, inForce, subjectType, name,
                uscc == null ? null : Uscc.normalise(uscc), idNumber == null ? null : IdNumber.normalise(idNumber),
                authority, recognitionDate, validUntil));
    }

    /** A date as clerks and platforms write it: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301. */
    static LocalDate parseDate(String text) {
        String t = text.strip();
        try {
            Matcher m = DATE.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            Matcher compact = COMPACT_DATE.matcher(t);
            if (compact.matches()) {
                return LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
                        Integer.parseInt(compact.group(3)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static LocalDate date(RawUpstreamRecord raw, UpstreamField field, Problems p) {
        String value = raw.value(field);
        if (value == null) {
            return null;
        }
        LocalDate date = parseDate(value);
        if (date == null) {
            p.add(field, "日期无效，应如2025-03-01 (not a valid date; write it like 2025-03-01)");
        }
        return date;
    }

    private static String text(RawUpstreamRecord raw, UpstreamField field, String missing, Problems p) {
        String value = raw.value(field);
        if (value == null) {
            p.add(field, missing);
        } else if (value.length() > MAX_TEXT) {
            p.add(field, "内容过长 (more than " + MAX_TEXT + " characters)");
        }
        return value;
    }

    private static <T> T choice(RawUpstreamRecord raw, UpstreamField field, Map<String, T> choices, String wrong,
                                Problems p) {
        String value = raw.value(field);
        if (value == null) {
            p.add(field, wrong);
            return null;
        }
        T chosen = choices.get(value.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
        if (chosen == null) {
            p.add(field, wrong);
        }
        return chosen;
    }

    @FunctionalInterface
    private interface Problems {
        void add(UpstreamField field, String reason);
    }
}
