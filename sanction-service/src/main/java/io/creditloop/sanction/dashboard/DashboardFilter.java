package io.creditloop.sanction.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Which tasks the dashboard looks at: those initiated from {@code from} to {@code to} (both inclusive, in the
 * deployment's zone), optionally of one recognising department, list type or enforcing agency.
 */
public record DashboardFilter(LocalDate from, LocalDate to, String department, String listType, String agency) {

    /** About five years; a longer period is a data export, not a dashboard. */
    public static final long MAX_DAYS = 1830;

    public DashboardFilter {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to are required");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("at most " + MAX_DAYS + " days");
        }
        department = blankToNull(department, false);
        listType = blankToNull(listType, true);
        agency = blankToNull(agency, false);
    }

    private static String blankToNull(String value, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT);
    }
}
