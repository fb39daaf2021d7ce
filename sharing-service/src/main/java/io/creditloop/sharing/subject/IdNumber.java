package io.creditloop.sharing.subject;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * 居民身份证号码, GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence and an ISO 7064 MOD 11-2
 * check character (0-9 or X). The birth date must be a real date, not in the future. Problems never echo the number.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumber() {
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** Why {@code raw} is not a valid resident ID number on {@code today}; {@code null} if it is valid. */
    public static String problem(String raw, LocalDate today) {
        String id = normalise(raw);
        if (!id.matches("\\d{17}[\\dX]")) {
            return "身份证号码应为17位数字加1位数字或X (ID number must be 17 digits and a digit or X; a number cell in "
                    + "Excel loses digits, use a text cell)";
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return "身份证号码中的出生日期不存在 (the birth date in the ID number is not a real date)";
        }
        if (birth.isAfter(today) || birth.getYear() < 1900) {
            return "身份证号码中的出生日期不合理 (the birth date in the ID number is in the future or before 1900)";
        }
        return id.charAt(17) == checkCharacter(id.substring(0, 17)) ? null
                : "身份证号码校验位错误 (ID number check character is wrong)";
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
