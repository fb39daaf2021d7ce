package io.creditloop.sanction.report;

import java.util.regex.Pattern;

/**
 * R7, R16: what the dashboard and the monthly report may show of a person. A person keeps the surname's first
 * character and every other character becomes '*' (张三 → 张*), as on the public board; an ID number is never stored
 * here, and one that an agency or department wrote into a free text is masked to its first 6 and last 4 characters.
 */
public final class ReportMasking {

    /** An 18-character or a 15-digit resident ID number standing on its own: region, middle, last four. */
    private static final Pattern ID_NUMBER_IN_TEXT =
            Pattern.compile("(?<![0-9A-Za-z])(\\d{6})(\\d{8}(?=\\d{3}[\\dXx])|\\d{5}(?=\\d{4}(?![0-9A-Za-z])))"
                    + "(\\d{3}[\\dXx]|\\d{4})(?![0-9A-Za-z])");

    private ReportMasking() {
    }

    /** 张三 → 张*; null stays null. */
    public static String personName(String name) {
        if (name == null) {
            return null;
        }
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length == 0) {
            return "";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
        masked.append("*".repeat(Math.max(1, chars.length - 1)));
        return masked.toString();
    }

    /** A free text with every resident ID number in it masked (420102********1234); null stays null. */
    public static String idNumbersIn(String text) {
        if (text == null) {
            return null;
        }
        return ID_NUMBER_IN_TEXT.matcher(text).replaceAll(m -> m.group(1) + "*".repeat(m.group(2).length())
                + m.group(3));
    }
}
