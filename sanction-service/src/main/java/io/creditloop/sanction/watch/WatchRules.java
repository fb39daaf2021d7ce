package io.creditloop.sanction.watch;

import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sanction.FieldProblem;
import io.creditloop.sanction.InvalidInputException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * R8 (003 §18 定向分发) and R16: what an agency may put on its watch list. Each subject is named by exactly one
 * identifier, checked as identification checks it (R3: USCC with its GB 32100 check character, resident ID number with
 * its ISO 7064 MOD 11-2 check), and turned into the subject key listing events carry. Problems never quote an ID
 * number.
 */
public final class WatchRules {

    public static final int MAX_SUBJECTS = 1000;
    static final String RESIDENT_ID = "RESIDENT_ID";
    private static final Pattern AGENCY_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final Pattern ORGANISATION_CODE = Pattern.compile("[0-9A-Z]{8}[0-9X]");
    private static final Pattern OTHER_ID = Pattern.compile("[0-9A-Z]{4,32}");
    private static final Pattern ID_TYPE = Pattern.compile("[A-Z][A-Z_]{1,31}");
    private static final int MAX_RELATION = 200;

    private WatchRules() {
    }

    /** @throws InvalidInputException if the code cannot name an agency's topics */
    public static String agency(String raw) {
        String code = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!AGENCY_CODE.matcher(code).matches()) {
            throw new InvalidInputException("watch list", List.of(new FieldProblem("agency",
                    "1-63 of a-z, 0-9 and -, starting with a letter or digit")));
        }
        return code;
    }

    /**
     * The watch entries for {@code subjects}, one per subject key (a subject named twice is one entry).
     *
     * @throws InvalidInputException naming every subject that needs correcting; nothing is registered then
     */
    public static List<WatchEntry> entries(String agencyCode, List<WatchSubject> subjects, SubjectKeys keys,
                                           Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (subjects == null || subjects.isEmpty()) {
            throw new InvalidInputException("watch list", List.of(new FieldProblem("subjects", "required: at least one")));
        }
        if (subjects.size() > MAX_SUBJECTS) {
            throw new InvalidInputException("watch list", List.of(new FieldProblem("subjects",
                    "at most " + MAX_SUBJECTS + " per request")));
        }
        Map<String, WatchEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < subjects.size(); i++) {
            WatchSubject subject = subjects.get(i);
            String field = "subjects[" + i + "]";
            if (subject == null) {
                problems.add(new FieldProblem(field, "required"));
                continue;
            }
            String relation = blank(subject.relation()) ? null : subject.relation().strip();
            if (relation != null && relation.length() > MAX_RELATION) {
                problems.add(new FieldProblem(field + ".relation", "at most " + MAX_RELATION + " characters"));
            }
            WatchEntry entry = entry(agencyCode, subject, relation, field, problems, keys, now);
            if (entry != null) {
                entries.putIfAbsent(entry.subjectKey(), entry);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("watch list", problems);
        }
        return List.copyOf(entries.values());
    }

    private static WatchEntry entry(String agency, WatchSubject s, String relation, String field,
                                    List<FieldProblem> problems, SubjectKeys keys, Instant now) {
        int named = (blank(s.uscc()) ? 0 : 1) + (blank(s.organisationCode()) ? 0 : 1) + (blank(s.idNumber()) ? 0 : 1);
        if (named != 1) {
            problems.add(new FieldProblem(field, "name the subject by exactly one of uscc, organisationCode, idNumber"));
            return null;
        }
        if (!blank(s.uscc())) {
            String uscc = s.uscc().strip().toUpperCase(Locale.ROOT);
            String problem = usccProblem(uscc);
            if (problem != null) {
                problems.add(new FieldProblem(field + ".uscc", problem));
                return null;
            }
            return new WatchEntry(agency, keys.ofOrganisation(uscc), SubjectType.ORGANISATION, relation, now);
        }
        if (!blank(s.organisationCode())) {
            String code = s.organisationCode().strip().replace("-", "").toUpperCase(Locale.ROOT);
            if (!ORGANISATION_CODE.matcher(code).matches()) {
                problems.add(new FieldProblem(field + ".organisationCode", "9 characters: 8 of 0-9, A-Z and a check"));
                return null;
            }
            return new WatchEntry(agency, keys.ofOrganisationCode(code), SubjectType.ORGANISATION, relation, now);
        }
        String idType = blank(s.idType()) ? RESIDENT_ID : s.idType().strip().toUpperCase(Locale.ROOT);
        if (!ID_TYPE.matcher(idType).matches()) {
            problems.add(new FieldProblem(field + ".idType", "an ID type such as RESIDENT_ID or PASSPORT"));
            return null;
        }
        String number = s.idNumber().strip().toUpperCase(Locale.ROOT);
        String problem = RESIDENT_ID.equals(idType) ? residentIdProblem(number)
                : OTHER_ID.matcher(number).matches() ? null : "4-32 of 0-9 and A-Z";
        if (problem != null) {
            problems.add(new FieldProblem(field + ".idNumber", problem));
            return null;
        }
        return new WatchEntry(agency, keys.ofPerson(idType, number), SubjectType.PERSON, relation, now);
    }

    /** GB 32100-2015: 18 characters, administrative division digits, check character. */
    public static String usccProblem(String code) {
        if (code.length() != 18) {
            return "统一社会信用代码应为18位 (a USCC has 18 characters)";
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = USCC_ALPHABET.indexOf(code.charAt(i));
            if (value < 0 || (i >= 2 && i < 8 && !Character.isDigit(code.charAt(i)))) {
                return "统一社会信用代码第" + (i + 1) + "位无效 (character " + (i + 1) + " is not allowed there)";
            }
            if (i < 17) {
                sum += value * USCC_WEIGHTS[i];
            }
        }
        char expected = USCC_ALPHABET.charAt((31 - sum % 31) % 31);
        return code.charAt(17) == expected ? null : "统一社会信用代码校验位错误 (the check character is wrong)";
    }

    /** GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check character; never echoes the number. */
    public static String residentIdProblem(String id) {
        if (!id.matches("\\d{17}[\\dX]")) {
            return "身份证号码应为17位数字加1位数字或X (17 digits and a digit or X)";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return id.charAt(17) == ID_CHECK.charAt(sum % 11) ? null : "身份证号码校验位错误 (the check character is wrong)";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
