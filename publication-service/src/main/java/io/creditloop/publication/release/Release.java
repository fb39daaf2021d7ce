package io.creditloop.publication.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R7: a numbered, frozen snapshot of what was public at its cut-off (000 §3; 004 §4(三)1): a unified release by the
 * credit office or a department's own. Its entries are copied when it is made, so later listings, corrections and
 * exits do not change it.
 *
 * @param department the releasing department, for a {@link ReleaseKind#DEPARTMENT} release only
 * @param counts     per recognising department, as printed in the release document
 */
public record Release(long no, ReleaseKind kind, String department, LocalDate cutOff, Instant createdAt,
                      int entryCount, List<DepartmentCount> counts) {

    public Release {
        counts = List.copyOf(counts);
    }

    /** One department's listings in a release, by list kind. */
    public record DepartmentCount(String department, int red, int black, int gray) {

        public int total() {
            return red + black + gray;
        }
    }

    /**
     * The rules of a release request: a department release names its department, a unified one none, and the
     * cut-off is not in the future (what will be public then is not known yet).
     *
     * @return field → message for each broken rule; empty if the request is sound
     */
    public static Map<String, String> problems(ReleaseKind kind, String department, LocalDate cutOff,
                                               LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (kind == null) {
            problems.put("kind", "must be UNIFIED or DEPARTMENT");
        } else if (kind == ReleaseKind.DEPARTMENT && (department == null || department.isBlank())) {
            problems.put("department", "a department release names its department");
        } else if (kind == ReleaseKind.UNIFIED && department != null && !department.isBlank()) {
            problems.put("department", "a unified release covers every department");
        }
        if (cutOff != null && cutOff.isAfter(today)) {
            problems.put("cutOff", "must not be after today (" + today + ")");
        }
        return problems;
    }
}
