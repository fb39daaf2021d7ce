package io.creditloop.sharing.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R16 (001 §23-24, 003 §24): personal data is queried under a defined procedure and every query is registered and
 * reviewable. A query touches a natural person when it asks by ID number (always, even if nothing is found), or
 * when a name query shows any person; such a query needs a stated purpose and is registered once per person shown
 * (or asked for). A query of organisations alone is not personal data and is not registered.
 */
public final class QueryRegistration {

    private QueryRegistration() {
    }

    /** Before reading: an ID number query without a purpose is refused at once. */
    public static void checkBeforeReading(SubjectQuery query) {
        if (query.kind() == SubjectQuery.Kind.ID_NUMBER && query.purpose() == null) {
            throw new PurposeRequiredException();
        }
    }

    /**
     * After reading, before anything is shown: the entries to register in the same transaction.
     *
     * @throws PurposeRequiredException when the query shows a person and states no purpose
     */
    public static List<RegisterEntry> entries(SubjectQuery query, Querier who, List<RegistryListing> shown,
                                              Instant at) {
        checkBeforeReading(query);
        if (query.kind() == SubjectQuery.Kind.ID_NUMBER) {
            String name = shown.stream().map(RegistryListing::name).findFirst().orElse(null);
            return List.of(new RegisterEntry(0, at, who.agency(), who.official(), query.kind(), query.purpose(),
                    query.subjectKey(), query.value(), name, shown.size()));
        }
        Map<String, List<RegistryListing>> persons = new LinkedHashMap<>();
        for (RegistryListing listing : shown) {
            if (listing.person()) {
                persons.computeIfAbsent(listing.subjectKey(), k -> new ArrayList<>()).add(listing);
            }
        }
        if (persons.isEmpty()) {
            return List.of();
        }
        if (query.purpose() == null) {
            throw new PurposeRequiredException();
        }
        List<RegisterEntry> entries = new ArrayList<>();
        persons.forEach((subjectKey, listings) -> entries.add(new RegisterEntry(0, at, who.agency(), who.official(),
                query.kind(), query.purpose(), subjectKey, listings.get(0).idNumberMasked(), listings.get(0).name(),
                listings.size())));
        return entries;
    }
}
