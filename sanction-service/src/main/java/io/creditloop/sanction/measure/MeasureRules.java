package io.creditloop.sanction.measure;

import io.creditloop.sanction.FieldProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * R9: what a measures-catalog entry must say (003 §16: 实施对象、实施措施和实施依据), and how revisions are versioned
 * (003 §17: 定期修订完善): every revision is the next version of its measure, earlier versions stay for the tasks
 * made under them, and a revision based on an outdated version is refused.
 */
public final class MeasureRules {

    public static final int MIN_RESPONSE_DAYS = 1;
    public static final int MAX_RESPONSE_DAYS = 60;
    /** Same rule as contracts' Topics: the agency code names its topics. */
    static final Pattern AGENCY_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,62}");
    private static final int MAX_TEXT = 2000;

    private MeasureRules() {
    }

    /**
     * The next version of the measure from {@code draft}.
     *
     * @param latest the measure's latest published version, if it has one
     * @throws io.creditloop.sanction.InvalidInputException if the draft is incomplete or malformed
     * @throws OutdatedRevisionException if the draft revised an older version than the latest
     */
    public static MeasureVersion revise(MeasureDraft draft, Optional<MeasureVersion> latest, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String listType = code(problems, "listTypeCode", draft.listTypeCode());
        String measureCode = code(problems, "measureCode", draft.measureCode());
        String agency = agency(problems, draft.agencyCode());
        String wording = text(problems, "measure", draft.measure(), true);
        String basis = text(problems, "legalBasis", draft.legalBasis(), true);
        String note = text(problems, "scenarioNote", draft.scenarioNote(), false);
        String publishedBy = text(problems, "publishedBy", draft.publishedBy(), true);
        String revisionNote = text(problems, "revisionNote", draft.revisionNote(), false);
        List<Scenario> scenarios = scenarios(problems, draft.scenarios());
        if (draft.confirmationRequired() == null) {
            problems.add(new FieldProblem("confirmationRequired", "required: true or false"));
        }
        Integer days = draft.responseWorkingDays();
        if (days == null || days < MIN_RESPONSE_DAYS || days > MAX_RESPONSE_DAYS) {
            problems.add(new FieldProblem("responseWorkingDays",
                    "required: working days to respond, " + MIN_RESPONSE_DAYS + " to " + MAX_RESPONSE_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new io.creditloop.sanction.InvalidInputException("measure", problems);
        }
        int latestVersion = latest.map(v -> v.measure().version()).orElse(0);
        checkExpected(draft.expectedVersion(), latestVersion, listType, agency, measureCode);
        Measure measure = new Measure(listType, agency, measureCode, latestVersion + 1, wording, basis, scenarios, note,
                draft.confirmationRequired(), days);
        return new MeasureVersion(measure, false, now, publishedBy, revisionNote);
    }

    /**
     * Takes a measure out of force as a new version that keeps the latest wording.
     *
     * @throws MeasureNotFoundException if the measure was never published or is already withdrawn
     */
    public static MeasureVersion withdraw(Optional<MeasureVersion> latest, String listType, String agency,
                                          String measureCode, String publishedBy, String note, Instant now) {
        MeasureVersion current = latest.filter(v -> !v.withdrawn())
                .orElseThrow(() -> new MeasureNotFoundException(listType, agency, measureCode));
        if (publishedBy == null || publishedBy.isBlank()) {
            throw new io.creditloop.sanction.InvalidInputException("withdrawal",
                    List.of(new FieldProblem("publishedBy", "required: who withdraws the measure")));
        }
        Measure m = current.measure();
        Measure next = new Measure(m.listTypeCode(), m.agencyCode(), m.measureCode(), m.version() + 1, m.measure(),
                m.legalBasis(), m.scenarios(), m.scenarioNote(), m.confirmationRequired(), m.responseWorkingDays());
        return new MeasureVersion(next, true, now, publishedBy.strip(), note);
    }

    private static void checkExpected(Integer expected, int latest, String listType, String agency, String code) {
        if (expected != null && expected != latest) {
            throw new OutdatedRevisionException(listType + "/" + agency + "/" + code + " is at version " + latest
                    + ", the revision was made to version " + expected);
        }
    }

    private static String code(List<FieldProblem> problems, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(field, "required"));
            return null;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(field, "1-63 of A-Z, 0-9 and _, starting with a letter"));
            return null;
        }
        return code;
    }

    private static String agency(List<FieldProblem> problems, String raw) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem("agencyCode", "required"));
            return null;
        }
        String code = raw.strip().toLowerCase(Locale.ROOT);
        if (!AGENCY_CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("agencyCode", "1-63 of a-z, 0-9 and -, starting with a letter or digit"));
            return null;
        }
        return code;
    }

    private static String text(List<FieldProblem> problems, String field, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "required"));
            }
            return null;
        }
        if (raw.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "at most " + MAX_TEXT + " characters"));
            return null;
        }
        return raw.strip();
    }

    private static List<Scenario> scenarios(List<FieldProblem> problems, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            problems.add(new FieldProblem("scenarios", "required: at least one of " + List.of(Scenario.values())));
            return List.of();
        }
        Set<Scenario> scenarios = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i) == null ? "" : raw.get(i).strip().toUpperCase(Locale.ROOT);
            try {
                scenarios.add(Scenario.valueOf(name));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("scenarios[" + i + "]", "not a scenario; one of "
                        + List.of(Scenario.values()) + ", anything else goes into scenarioNote"));
            }
        }
        return List.copyOf(scenarios);
    }
}
