package io.creditloop.identification.subject;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * 居民身份证号码, GB 11643-1999 (R3): 6-digit address code, 8-digit birth date, 3-digit sequence and an
 * ISO 7064 MOD 11-2 check character (0-9 or X). The birth date must be a real date and not in the future.
 * {@link #toString()} never reveals the number.
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    public IdNumber {
        value = normalise(value);
    }

    /** Validates against today's date; see {@link #problem(String, LocalDate)}. */
    public static IdNumber of(String raw, LocalDate today) {
        String problem = problem(raw, today);
        if (problem != null) {
            throw new InvalidIdentifierException(problem);
        }
        return new IdNumber(raw);
    }

    /** Why {@code raw} is not a valid resident ID number; {@code null} if it is valid. Never echoes the number. */
    public static String problem(String raw, LocalDate today) {
        String id = normalise(raw);
        if (id.isEmpty()) {
            return "身份证号码为空 (ID number is empty)";
        }
        if (!id.matches("\\d{17}[\\dX]")) {
            return "身份证号码应为17位数字加1位数字或X (ID number must be 17 digits and a digit or X)";
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
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        if (id.charAt(17) != CHECK.charAt(sum % 11)) {
            return "身份证号码校验位错误 (ID number check character is wrong)";
        }
        return null;
    }

    /** First 6 and last 4 characters, the middle masked: the only form that may appear in logs. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value.length() == 18 ? masked() : "[id]";
    }
}
