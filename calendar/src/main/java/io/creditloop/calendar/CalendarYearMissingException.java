package io.creditloop.calendar;

/** A deadline ran into a year whose holiday arrangement is not loaded; counting Monday-Friday would be a guess. */
public class CalendarYearMissingException extends RuntimeException {

    private final int year;

    public CalendarYearMissingException(int year, String loaded) {
        super("no holiday arrangement for " + year + " (loaded: " + loaded + "); add " + year
                + ".json to the directory named by CALENDAR_DIR (creditloop.calendar.extra-dir) and restart");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
