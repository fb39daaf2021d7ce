package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.identification.catalog.ListTypeEntry;

import java.util.Optional;
import java.util.function.Function;

/**
 * R13: a black subject that exits other than by error goes straight onto the gray list (重点关注), with the gray
 * list type and validity its catalog entry names (001 §17). Former black subjects stay monitored (003 §17).
 */
public final class ExitRules {

    private ExitRules() {
    }

    /** The gray list type the subject moves to after this exit, if any. */
    public static Optional<ListTypeEntry> grayAfterExit(Listing exited, Function<String, Optional<ListTypeEntry>> catalog) {
        if (exited.listType().kind() != ListKind.BLACK || exited.exitReason() == ExitReason.ERRONEOUS
                || exited.listType().grayListType() == null) {
            return Optional.empty();
        }
        return catalog.apply(exited.listType().grayListType()).filter(t -> t.kind() == ListKind.GRAY);
    }

    /** R11 (001 §19): information about an erroneous listing is not retained. */
    public static boolean purgesPersonalData(Listing listing) {
        return listing.status() == ListingStatus.WITHDRAWN
                || listing.status() == ListingStatus.EXITED && listing.exitReason() == ExitReason.ERRONEOUS;
    }
}
