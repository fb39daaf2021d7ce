package io.creditloop.identification.listing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as departments type them: {@code 2017-4-20}, {@code 2017-04-20}, {@code 2017/4/20}, {@code 2017年4月20日}. */
final class Dates {

    private static final DateTimeFormatter LENIENT_DASH = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SHAPE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private Dates() {
    }

    static LocalDate parse(String raw) {
        String text = raw == null ? "" : raw.strip()
                .replace('/', '-').replace('.', '-')
                .replace("年", "-").replace("月", "-").replace("日", "");
        try {
            return LocalDate.parse(text, LENIENT_DASH);
        } catch (DateTimeParseException e) {
            Matcher parts = SHAPE.matcher(text);
            if (parts.matches()) {
                // well formed, but the calendar has no such day (2017-2-30, 2017-4-31, 2017-13-1)
                throw new IllegalArgumentException("日期不存在: " + raw.strip() + "（" + parts.group(1) + "年没有"
                        + Integer.parseInt(parts.group(2)) + "月" + Integer.parseInt(parts.group(3)) + "日）(no such date; use e.g. 2017-4-20)");
            }
            throw new IllegalArgumentException("日期无法识别: " + raw + " (not a date; use e.g. 2017-4-20)");
        }
    }
}
