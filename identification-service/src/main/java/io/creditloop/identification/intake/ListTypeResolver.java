package io.creditloop.identification.intake;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.identification.catalog.ListTypeEntry;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R2: finds the catalog list type a spreadsheet row means. Departments write the code ({@code TAX_MAJOR_VIOLATION}),
 * the catalog name (重大税收违法案件当事人名单), or, as in Huangshi annex 1, the kind with the list in parentheses:
 * {@code 黑名单(重大税收违法案件)}; Daye's 目录事项 names the matter (拖欠农民工工资). The parenthesised or plain text
 * must be contained in exactly one catalog name; a kind written before the parentheses and the uploading department
 * (which may only list its own types) narrow the choice: 拖欠农民工工资 is the labour bureau's list for hrss and the
 * construction one for housing.
 */
public final class ListTypeResolver {

    private static final Pattern PARENTHESISED = Pattern.compile("^(.*?)\\((.+)\\)\\s*$");
    private static final int CACHE = 10_000;

    private final Map<String, Entry> byCode = new LinkedHashMap<>();
    private final Map<String, Entry> byName = new HashMap<>();
    private final Map<String, Resolution> cache = new HashMap<>();
    private final String department;

    /** What resolution needs of a catalog entry. */
    public record Entry(String code, String name, ListKind kind, String department) {

        static Entry of(ListTypeEntry entry) {
            return new Entry(entry.code(), entry.name(), entry.kind(), entry.department());
        }
    }

    /** The outcome: the entry, or why none could be chosen. */
    public sealed interface Resolution permits Found, Unresolved {
    }

    public record Found(Entry entry) implements Resolution {
    }

    public record Unresolved(String message) implements Resolution {
    }

    /** @param department the uploading department, to choose between list types of several departments */
    public ListTypeResolver(Collection<Entry> catalog, String department) {
        this.department = department == null ? null : department.strip();
        for (Entry entry : catalog) {
            byCode.put(entry.code().toUpperCase(Locale.ROOT), entry);
            byName.put(normalise(entry.name()), entry);
        }
    }

    public static ListTypeResolver of(Collection<ListTypeEntry> catalog, String department) {
        return new ListTypeResolver(catalog.stream().map(Entry::of).toList(), department);
    }

    public Optional<Entry> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    public Resolution resolve(String text) {
        String key = text == null ? "" : text.strip();
        Resolution known = cache.get(key);
        if (known != null) {
            return known;
        }
        Resolution resolution = compute(key);
        if (cache.size() < CACHE) {
            cache.put(key, resolution);
        }
        return resolution;
    }

    private Resolution compute(String text) {
        if (text.isEmpty()) {
            return new Unresolved("名单类型为空 (the list type is empty)");
        }
        Entry exact = byCode.get(text.toUpperCase(Locale.ROOT));
        if (exact == null) {
            exact = byName.get(normalise(text));
        }
        if (exact != null) {
            return new Found(exact);
        }
        String normalised = normalise(text);
        String inner = normalised;
        Matcher m = PARENTHESISED.matcher(normalised);
        if (m.matches()) {
            inner = m.group(2);
        }
        List<Entry> candidates = contained(inner);
        if (candidates.isEmpty() && !inner.equals(normalised)) {
            candidates = contained(normalised);
        }
        if (candidates.isEmpty()) {
            String whole = normalised;
            candidates = byName.entrySet().stream().filter(e -> whole.contains(e.getKey())).map(Map.Entry::getValue)
                    .toList();
        }
        Optional<ListKind> kind = kindWritten(text);
        if (candidates.size() > 1 && kind.isPresent()) {
            List<Entry> ofKind = candidates.stream().filter(c -> c.kind() == kind.get()).toList();
            if (!ofKind.isEmpty()) {
                candidates = ofKind;
            }
        }
        if (candidates.size() > 1 && department != null) {
            List<Entry> own = candidates.stream().filter(c -> c.department().equals(department)).toList();
            if (!own.isEmpty()) {
                candidates = own;
            }
        }
        if (candidates.size() == 1) {
            return new Found(candidates.get(0));
        }
        if (candidates.isEmpty()) {
            return new Unresolved("名单类型“" + text + "”在目录中找不到，请填写目录中的名单名称或代码 (no catalog list type "
                    + "matches; use a name or code from GET /api/catalog/list-types)");
        }
        return new Unresolved("名单类型“" + text + "”对应目录中多个名单: " + candidates.stream()
                .map(c -> c.name() + "(" + c.code() + ")").toList() + "，请写全名称或代码 (ambiguous list type; write "
                + "the full name or the code)");
    }

    private List<Entry> contained(String inner) {
        if (inner.length() < 2) {
            return List.of();
        }
        return byName.entrySet().stream().filter(e -> e.getKey().contains(inner)).map(Map.Entry::getValue).toList();
    }

    /** The kind a clerk wrote before the parentheses or as a 公布类别: 红/黑/灰 or 重点关注. */
    public static Optional<ListKind> kindWritten(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = normalise(text);
        int paren = t.indexOf('(');
        String head = paren >= 0 ? t.substring(0, paren) : t;
        if (head.startsWith("红")) {
            return Optional.of(ListKind.RED);
        }
        if (head.startsWith("黑")) {
            return Optional.of(ListKind.BLACK);
        }
        if (head.startsWith("灰") || head.startsWith("重点关注")) {
            return Optional.of(ListKind.GRAY);
        }
        return Optional.empty();
    }

    /** Full-width forms folded (（）→ ()), quotes and spaces removed, lower case. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '"' || c == '\'' || c == '“'
                    || c == '”' || c == '‘' || c == '’' || c == '《' || c == '》') {
                continue;
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
