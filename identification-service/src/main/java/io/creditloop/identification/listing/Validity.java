package io.creditloop.identification.listing;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A listing's validity (有效期, R3) as departments write it: {@code 2年}, {@code 3个月}, {@code 1年6个月},
 * {@code 2017-04-20至2019-04-19}, {@code 长期}, or an ISO-8601 period such as {@code P2Y}.
 * A period runs from the recognition date and ends the day before its anniversary:
 * 2017-04-20 + 2年 is in force through 2019-04-19.
 */
public final class Validity {

    private static final Pattern YEARS_MONTHS = Pattern.compile("(?:(\\d{1,2})\\s*年)?\\s*(?:(\\d{1,3})\\s*个?月)?");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{1,2}-\\d{1,2})\\s*(?:至|到|~|—|-{1,2})\\s*(\\d{4}-\\d{1,2}-\\d{1,2})");

    private final Period period;
    private final LocalDate explicitEnd;
    private final String text;

    private Validity(Period period, LocalDate explicitEnd, String text) {
        this.period = period;
        this.explicitEnd = explicitEnd;
        this.text = text;
    }

    /** @throws IllegalArgumentException with a clerk-readable reason */
    public static Validity parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("有效期为空 (validity is empty)");
        }
        if (text.equals("长期") || text.equals("永久")) {
            return new Validity(null, null, text);
        }
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            LocalDate start = Dates.parse(range.group(1));
            LocalDate end = Dates.parse(range.group(2));
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("有效期结束日早于开始日 (validity ends before it starts)");
            }
            return new Validity(null, end, text);
        }
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return positive(Period.parse(text), text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("有效期格式无法识别: " + text + " (unrecognised validity)");
            }
        }
        Matcher ym = YEARS_MONTHS.matcher(text);
        if (ym.matches() && (ym.group(1) != null || ym.group(2) != null)) {
            int years = ym.group(1) == null ? 0 : Integer.parseInt(ym.group(1));
            int months = ym.group(2) == null ? 0 : Integer.parseInt(ym.group(2));
            return positive(Period.of(years, months, 0), text);
        }
        throw new IllegalArgumentException("有效期格式无法识别: " + text
                + " (unrecognised validity; use e.g. 2年, 3个月, 2017-04-20至2019-04-19 or 长期)");
    }

    private static Validity positive(Period period, String text) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("有效期必须大于零 (validity must be positive)");
        }
        return new Validity(period, null, text);
    }

    /** Last day in force, inclusive; empty for 长期. */
    public Optional<LocalDate> lastDayFrom(LocalDate start) {
        if (explicitEnd != null) {
            return Optional.of(explicitEnd);
        }
        if (period == null) {
            return Optional.empty();
        }
        return Optional.of(start.plus(period).minusDays(1));
    }

    public String text() {
        return text;
    }
}
