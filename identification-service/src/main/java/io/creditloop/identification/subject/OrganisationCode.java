package io.creditloop.identification.subject;

import java.util.Locale;

/**
 * 组织机构代码, GB 11714-1997 (R3, Daye annex 4): 8 body characters (digits or capital letters, a letter counting
 * 10-35) and a check character: weights 3 7 9 10 5 8 4 2, check = 11 - (sum mod 11), 10 written X, 11 written 0.
 * Positions 9-17 of a USCC carry the organisation code of the same body.
 */
public final class OrganisationCode {

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private OrganisationCode() {
    }

    /** Why {@code raw} is not a valid organisation code (a hyphen before the check is accepted); null if valid. */
    public static String problem(String raw) {
        String code = normalise(raw);
        if (!code.matches("[0-9A-Z]{8}[0-9X]")) {
            return "组织机构代码应为8位数字或大写字母加1位校验码 (organisation code must be 8 digits or capital letters and a "
                    + "check character)";
        }
        char expected = checkCharacter(code.substring(0, 8));
        if (code.charAt(8) != expected) {
            return "组织机构代码校验码错误，应为" + expected + " (organisation code check character is wrong: expected "
                    + expected + ")";
        }
        return null;
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().replace("-", "").toUpperCase(Locale.ROOT);
    }

    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
