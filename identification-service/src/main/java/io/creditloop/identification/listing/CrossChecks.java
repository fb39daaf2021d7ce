package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ListKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The red/black cross-checks of identification.
 * <ul>
 *   <li>R5: a red preliminary listing of a subject that is on a black list in force is excluded (001 §7, 003 §6.1).</li>
 *   <li>R4/R13: once a black or gray listing is confirmed, the subject's red listings are removed (001 §6, §18);
 *       a red listing still in identification is excluded when its publicity ends (R5 above).</li>
 *   <li>R14: a subject moved to black leaves the gray list of that domain.</li>
 * </ul>
 * Lists received from upstream platforms (sharing-service publishes them, {@link UpstreamListing}) count like local
 * ones: an upstream black or gray listing in force excludes a red preliminary listing (R5) and removes the subject's
 * confirmed red listings when it arrives (R4/R13).
 */
public final class CrossChecks {

    private CrossChecks() {
    }

    /**
     * R5: the black listing in force that excludes this red listing, if any; a gray listing in force excludes it
     * too, since R13 would remove at once a red listing of a subject listed gray (001 §18).
     */
    public static Optional<Listing> blackListingExcluding(Listing red, List<Listing> subjectListings, LocalDate today) {
        if (red.listType().kind() != ListKind.RED) {
            return Optional.empty();
        }
        return subjectListings.stream()
                .filter(other -> !other.id().equals(red.id()))
                .filter(other -> other.listType().kind() != ListKind.RED && other.inForceOn(today))
                .findFirst();
    }

    /** R5 with lists made upstream: the upstream black or gray listing in force that excludes this red listing. */
    public static Optional<UpstreamListing> upstreamListingExcluding(Listing red, List<UpstreamListing> upstream,
                                                                      LocalDate today) {
        if (red.listType().kind() != ListKind.RED) {
            return Optional.empty();
        }
        return upstream.stream()
                .filter(other -> other.kind() != ListKind.RED && other.inForceOn(today))
                .findFirst();
    }

    /** R4/R13: the confirmed red listings an upstream black or gray listing in force removes. */
    public static List<Listing> redListingsSupersededBy(UpstreamListing arrived, List<Listing> subjectListings,
                                                        LocalDate today) {
        if (arrived.kind() == ListKind.RED || !arrived.inForceOn(today)) {
            return List.of();
        }
        return subjectListings.stream()
                .filter(other -> other.listType().kind() == ListKind.RED && other.status() == ListingStatus.CONFIRMED)
                .toList();
    }

    /** R14 (001 §16, 004 §5(三)3): a subject moved to a black list leaves the gray list of the same domain. */
    public static List<Listing> graysMovedToBlack(Listing confirmed, List<Listing> subjectListings, LocalDate today) {
        if (confirmed.listType().kind() != ListKind.BLACK) {
            return List.of();
        }
        return subjectListings.stream()
                .filter(other -> other.listType().kind() == ListKind.GRAY && other.inForceOn(today))
                .filter(other -> other.listType().domain().equals(confirmed.listType().domain()))
                .toList();
    }

    /** R4/R13: the red listings a newly confirmed black or gray listing removes. */
    public static List<Listing> redListingsSupersededBy(Listing confirmed, List<Listing> subjectListings) {
        if (confirmed.listType().kind() == ListKind.RED) {
            return List.of();
        }
        return subjectListings.stream()
                .filter(other -> !other.id().equals(confirmed.id()))
                .filter(other -> other.listType().kind() == ListKind.RED && other.status() == ListingStatus.CONFIRMED)
                .toList();
    }
}
