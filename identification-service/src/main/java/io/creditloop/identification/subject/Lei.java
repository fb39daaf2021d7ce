package io.creditloop.identification.subject;

import java.math.BigInteger;
import java.util.Locale;

/** Legal Entity Identifier, ISO 17442 (R3, optional): 20 characters whose last two are ISO 7064 MOD 97-10 check digits. */
public final class Lei {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Lei() {
    }

    /** Why {@code raw} is not a valid LEI; null if valid. */
    public static String problem(String raw) {
        String lei = normalise(raw);
        if (!lei.matches("[0-9A-Z]{18}[0-9]{2}")) {
            return "LEI应为18位数字或大写字母加2位校验数字 (LEI must be 18 digits or capital letters and 2 check digits)";
        }
        StringBuilder digits = new StringBuilder(40);
        for (char c : lei.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c - '0') : String.valueOf(c - 'A' + 10));
        }
        if (new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() != 1) {
            return "LEI校验位错误 (LEI check digits are wrong)";
        }
        return null;
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }
}
