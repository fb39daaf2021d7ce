package io.creditloop.identification.listing;

import io.creditloop.calendar.WorkingDayCalendar;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.LocalDate;
import java.util.List;

/**
 * R4, R5: the identification procedure of a listing, from the preliminary list to confirmation.
 * Black and gray: a natural person is notified before listing (事前告知), then publicity where the catalog asks for
 * it, then confirmation. Red: cross-check against the black lists (excluded if listed), publicity, and confirmation
 * when no objection is raised; an objection is verified by the department ({@link Listing#decideObjection}).
 */
public final class IdentificationWorkflow {

    /** What to do next with a listing in identification. */
    public sealed interface Step permits Exclude, AwaitNotice, Publicity, Wait, Confirm {
    }

    /** R5: excluded, with the reason recorded. */
    public record Exclude(String reason) implements Step {
    }

    /** R4: the person must be notified before the listing goes on. */
    public record AwaitNotice() implements Step {
    }

    /** Publicity until {@code endsOn}, inclusive. */
    public record Publicity(LocalDate endsOn) implements Step {
    }

    /** Nothing to do yet (publicity running, or an objection waiting for the department). */
    public record Wait() implements Step {
    }

    public record Confirm() implements Step {
    }

    private IdentificationWorkflow() {
    }

    public static Step next(Listing listing, List<Listing> subjectListings, LocalDate today,
                            WorkingDayCalendar calendar) {
        return next(listing, subjectListings, List.of(), today, calendar);
    }

    /** @param upstream the subject's listings made upstream (R5 counts them like local ones) */
    public static Step next(Listing listing, List<Listing> subjectListings, List<UpstreamListing> upstream,
                            LocalDate today, WorkingDayCalendar calendar) {
        ListingStatus status = listing.status();
        if (status == ListingStatus.OBJECTED || status.terminal() || status == ListingStatus.CONFIRMED) {
            return new Wait();
        }
        var black = CrossChecks.blackListingExcluding(listing, subjectListings, today);
        if (black.isPresent()) {
            return new Exclude("主体已列入" + black.get().listType().name() + "（" + black.get().listType().code()
                    + "），不得列入红名单 (R5/R13: the subject is on a " + black.get().listType().kind()
                    + " list in force)");
        }
        var upstreamBlack = CrossChecks.upstreamListingExcluding(listing, upstream, today);
        if (upstreamBlack.isPresent()) {
            return new Exclude("主体已列入" + upstreamBlack.get().describe() + "，不得列入红名单 (R5/R13: the subject is on "
                    + "a " + upstreamBlack.get().kind() + " list of the " + upstreamBlack.get().platform()
                    + " platform in force)");
        }
        if (status == ListingStatus.RECORDED && needsPriorNotice(listing)) {
            return new AwaitNotice();
        }
        int publicityDays = listing.listType().publicityWorkingDays();
        if (status == ListingStatus.IN_PUBLICITY) {
            return listing.publicityEndsOn().isBefore(today) ? new Confirm() : new Wait();
        }
        if (publicityDays > 0) {
            return new Publicity(calendar.addWorkingDays(today, publicityDays));
        }
        return new Confirm();
    }

    /** R4 (001 §6, 004 §3(三)): a natural person is told before being put on a black or gray list. */
    static boolean needsPriorNotice(Listing listing) {
        return listing.subject().type() == SubjectType.PERSON && listing.listType().kind() != ListKind.RED;
    }
}
