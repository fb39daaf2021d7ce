package io.creditloop.identification.listing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Dates as departments type them: {@code 2017-4-20}, {@code 2017-04-20}, {@code 2017/4/20}, {@code 2017年4月20日}. */
final class Dates {

    private static final DateTimeFormatter LENIENT_DASH = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    static LocalDate parse(String raw) {
        String text = raw == null ? "" : raw.strip()
                .replace('/', '-').replace('.', '-')
                .replace("年", "-").replace("月", "-").replace("日", "");
        try {
            return LocalDate.parse(text, LENIENT_DASH);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("日期无法识别: " + raw + " (not a date; use e.g. 2017-4-20)");
        }
    }
}
