package io.creditloop.publication.board;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * R7, R13: when the public sees what. A listing is on the board from its confirmation for its validity — from
 * {@code validFrom} to {@code validUntil}, both inclusive, open-ended when there is no end (the published period is
 * the validity: 001 §10; 003 §20; 004 §4(三)) — and leaves it at its exit. An exit announcement stays public for
 * {@code announcementPeriod} from the exit date (001 §19; 004 §6(三); the documents name no length, so it is a
 * per-deployment setting). {@code BoardEntries} and {@code ExitAnnouncements} say the same in SQL.
 */
public record PublicWindow(Period announcementPeriod) {

    public PublicWindow {
        Objects.requireNonNull(announcementPeriod, "announcementPeriod");
        if (announcementPeriod.isNegative() || announcementPeriod.isZero()) {
            throw new IllegalArgumentException("the announcement period must be positive");
        }
    }

    /** Whether a published listing with this validity is on the board {@code today}. */
    public static boolean shows(LocalDate validFrom, LocalDate validUntil, LocalDate today) {
        return !validFrom.isAfter(today) && (validUntil == null || !validUntil.isBefore(today));
    }

    /** Whether an exit announcement made for {@code exitDate} is still public {@code today}. */
    public boolean announces(LocalDate exitDate, LocalDate today) {
        return !exitDate.isAfter(today) && !oldestAnnouncedExit(today).isAfter(exitDate);
    }

    /** The earliest exit date whose announcement is still public {@code today}. */
    public LocalDate oldestAnnouncedExit(LocalDate today) {
        return today.minus(announcementPeriod);
    }
}
