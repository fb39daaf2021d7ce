package io.creditloop.sharing.subject;

import java.util.Locale;

/**
 * 统一社会信用代码, GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, S, V, Z), characters 3-8 the
 * administrative division (digits), the 18th a check character: weights 3^(i-1) mod 31, check = 31 - (sum mod 31).
 */
public final class Uscc {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** Why {@code raw} is not a valid USCC, in Chinese and English; {@code null} if it is valid. */
    public static String problem(String raw) {
        String code = normalise(raw);
        if (code.length() != 18) {
            return "统一社会信用代码应为18位，实为" + code.length() + "位 (USCC must have 18 characters, has "
                    + code.length() + ")";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "统一社会信用代码第" + (i + 1) + "位字符无效 (character " + (i + 1)
                        + " is not allowed; I, O, S, V and Z are never used)";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return "统一社会信用代码第3-8位应为行政区划码数字 (characters 3-8 must be an administrative division code)";
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return "统一社会信用代码校验位错误 (USCC check character is wrong)";
        }
        return null;
    }

    /** The check character for the first 17 characters (all from the alphabet). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
