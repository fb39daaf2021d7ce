package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R7, R16: the one place personal data is masked before anything leaves this service (001 §10; 004 §4(三)).
 * The formats follow the recommendation in NATIONAL-RULES §3 (a design choice, no national display format is
 * sourced): a person keeps the surname and every other character becomes '*'; a resident ID number keeps its
 * first 6 (region) and last 4 characters. Organisations are published by name and USCC. A legal
 * representative is never published, nor their ID number.
 */
public final class Masking {

    /** Common two-character surnames (复姓); a name starting with one keeps both characters. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯",
            "端木", "南宫", "独孤", "轩辕", "钟离", "呼延", "澹台", "申屠", "万俟", "闻人", "赫连", "西门");

    private static final char MASK = '*';

    /** A resident ID number (18 or 15 characters) standing on its own inside a free text. */
    private static final Pattern ID_NUMBER_IN_TEXT =
            Pattern.compile("(?<![0-9A-Za-z])(?:\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");

    private Masking() {
    }

    /** The subject as it may be published. */
    public static MaskedSubject subject(Subject subject) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subject.type(), "subject type");
        if (subject.type() == SubjectType.ORGANISATION) {
            return new MaskedSubject(SubjectType.ORGANISATION, subject.name().strip(), blankToNull(subject.uscc()),
                    null);
        }
        return new MaskedSubject(SubjectType.PERSON, personName(subject.name()), null, idNumber(subject.idNumber()));
    }

    /**
     * 张三 → 张*, 欧阳娜娜 → 欧阳**: the surname stays, one '*' per remaining character (counted in code points, so
     * rare characters outside the BMP count once). A two-character name starting with a compound surname is read as
     * surname + given name (欧阳 → 欧*), since nothing would be masked otherwise.
     */
    public static String personName(String name) {
        if (name == null) {
            return null;
        }
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length == 0) {
            return "";
        }
        int surname = chars.length >= 3 && COMPOUND_SURNAMES.contains(new String(chars, 0, 2)) ? 2 : 1;
        return new String(chars, 0, surname) + String.valueOf(MASK).repeat(chars.length - surname);
    }

    /**
     * 420102199001011234 → 420102********1234. A 15-character (first-generation) number likewise keeps its first 6
     * and last 4. Shorter document numbers (passports, travel permits) keep only their last 2 characters, and those of
     * 4 characters or fewer are masked whole.
     */
    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        String id = idNumber.strip().toUpperCase(Locale.ROOT);
        int length = id.length();
        if (length >= 15) {
            return id.substring(0, 6) + String.valueOf(MASK).repeat(length - 10) + id.substring(length - 4);
        }
        if (length > 4) {
            return String.valueOf(MASK).repeat(length - 2) + id.substring(length - 2);
        }
        return String.valueOf(MASK).repeat(length);
    }

    /**
     * A free text a department wrote (reason, basis, exit note) as it may be published: any resident ID number in it
     * is masked like {@link #idNumber}. Departments are told not to name persons' numbers in these texts; this is the
     * safety net for when they do.
     */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = ID_NUMBER_IN_TEXT.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(idNumber(matcher.group())));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
