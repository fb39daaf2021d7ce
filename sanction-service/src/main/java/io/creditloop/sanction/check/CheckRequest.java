package io.creditloop.sanction.check;

import io.creditloop.sanction.FieldProblem;
import io.creditloop.sanction.InvalidInputException;
import io.creditloop.sanction.measure.Scenario;
import io.creditloop.sanction.watch.WatchRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One credit check as asked: the subject named by exactly one of USCC, ID number or name, the business scenario the
 * asking agency is in, and who asks (R16: permissions and a register need a name). Validated here, so the check
 * itself never sees bad input; an ID number is never echoed in a problem or in {@link #toString()}.
 *
 * @param value  normalised: USCC and ID number upper case without spaces, a name stripped
 * @param fuzzy  names only: trigram similarity and pinyin as well as the exact name
 */
public record CheckRequest(By by, String value, String idType, Scenario scenario, boolean fuzzy, String agency,
                           String user) {

    public enum By { USCC, ID_NUMBER, NAME }

    static final String RESIDENT_ID = "RESIDENT_ID";
    static final int MAX_NAME = 100;
    private static final Pattern ID_TYPE = Pattern.compile("[A-Z][A-Z_]{1,31}");
    private static final Pattern OTHER_ID = Pattern.compile("[0-9A-Z]{4,32}");
    private static final Pattern CALLER = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    /** Validates the raw request parameters and headers; throws with every field that needs correcting. */
    public static CheckRequest of(String uscc, String idType, String idNumber, String name, String scenario,
                                  String fuzzy, String agency, String user) {
        List<FieldProblem> problems = new ArrayList<>();
        int named = (blank(uscc) ? 0 : 1) + (blank(idNumber) ? 0 : 1) + (blank(name) ? 0 : 1);
        By by = null;
        String value = null;
        String type = null;
        if (named != 1) {
            problems.add(new FieldProblem("uscc|idNumber|name", "name the subject by exactly one of uscc, idNumber, name"));
        } else if (!blank(uscc)) {
            by = By.USCC;
            value = uscc.strip().toUpperCase(Locale.ROOT);
            String problem = WatchRules.usccProblem(value);
            if (problem != null) {
                problems.add(new FieldProblem("uscc", problem));
            }
        } else if (!blank(idNumber)) {
            by = By.ID_NUMBER;
            value = idNumber.strip().toUpperCase(Locale.ROOT);
            type = blank(idType) ? RESIDENT_ID : idType.strip().toUpperCase(Locale.ROOT);
            if (!ID_TYPE.matcher(type).matches()) {
                problems.add(new FieldProblem("idType", "an ID type such as RESIDENT_ID or PASSPORT"));
            } else {
                String problem = RESIDENT_ID.equals(type) ? WatchRules.residentIdProblem(value)
                        : OTHER_ID.matcher(value).matches() ? null : "4-32 of 0-9 and A-Z";
                if (problem != null) {
                    problems.add(new FieldProblem("idNumber", problem));
                }
            }
        } else {
            by = By.NAME;
            value = name.strip();
            if (value.length() > MAX_NAME) {
                problems.add(new FieldProblem("name", "at most " + MAX_NAME + " characters"));
            }
        }
        boolean isFuzzy = false;
        if (!blank(fuzzy)) {
            if (!fuzzy.equals("true") && !fuzzy.equals("false")) {
                problems.add(new FieldProblem("fuzzy", "true or false"));
            } else {
                isFuzzy = Boolean.parseBoolean(fuzzy);
                if (isFuzzy && by != null && by != By.NAME) {
                    problems.add(new FieldProblem("fuzzy", "fuzzy matching applies to names only"));
                }
            }
        }
        Scenario parsedScenario = null;
        if (blank(scenario)) {
            problems.add(new FieldProblem("scenario", "the business scenario of the check, one of " + scenarios()));
        } else {
            try {
                parsedScenario = Scenario.valueOf(scenario.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("scenario", "one of " + scenarios()));
            }
        }
        if (blank(agency) || !CALLER.matcher(agency.strip()).matches()) {
            problems.add(new FieldProblem("agency", "the asking agency's code (from the caller's token), 1-64 characters"));
        }
        if (blank(user) || !CALLER.matcher(user.strip()).matches()) {
            problems.add(new FieldProblem("user", "the asking user's id (from the caller's token), 1-64 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("credit check", problems);
        }
        return new CheckRequest(by, value, type, parsedScenario, isFuzzy, agency.strip(), user.strip());
    }

    /** The query as it may be shown and logged: an ID number masked. */
    public String shownValue() {
        return by == By.ID_NUMBER ? MaskedIdNumber.of(value) : value;
    }

    @Override
    public String toString() {
        return "CheckRequest[by=" + by + ", value=" + shownValue() + ", scenario=" + scenario + ", fuzzy=" + fuzzy
                + ", agency=" + agency + ", user=" + user + "]";
    }

    private static List<String> scenarios() {
        return java.util.Arrays.stream(Scenario.values()).map(Enum::name).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
