package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ListKind;

import java.time.LocalDate;
import java.util.List;

/**
 * R14 (001 §16): a subject on gray lists in {@code threshold} (3) or more different key domains at the same time
 * goes onto the big-data warning list (大数据警示名单), which is published.
 */
public final class BigDataWarning {

    public static final String LIST_TYPE = "BIG_DATA_WARNING";

    private BigDataWarning() {
    }

    public static boolean due(List<Listing> subjectListings, LocalDate today, int threshold) {
        boolean already = subjectListings.stream()
                .anyMatch(l -> l.listType().code().equals(LIST_TYPE) && l.inForceOn(today));
        long domains = subjectListings.stream()
                .filter(l -> l.listType().kind() == ListKind.GRAY && !l.listType().code().equals(LIST_TYPE))
                .filter(l -> l.inForceOn(today))
                .map(l -> l.listType().domain())
                .distinct()
                .count();
        return !already && domains >= threshold;
    }
}
