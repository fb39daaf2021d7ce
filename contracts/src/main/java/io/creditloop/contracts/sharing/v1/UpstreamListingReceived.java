package io.creditloop.contracts.sharing.v1;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code sharing.upstream.listing.received.v1}: a listing made elsewhere (a provincial or national platform, the
 * courts' judgment-defaulter list, ...) as sharing-service received it, so identification's red/black cross-checks
 * (R4, R5, R13) see it. The same upstream record arrives again when it changes; {@code inForce = false} says the
 * source removed it. Ordered per upstream record (the message key is {@code platform + ":" + upstreamId}).
 *
 * @param id              sharing-service's id of the received record (stable across its updates)
 * @param platform        where it came from, as configured (e.g. {@code national}, {@code court})
 * @param upstreamId      the record's id at the source
 * @param revision        1 for the first receipt, +1 for each change, so a stale update is recognised
 * @param listName        the source's name of the list, e.g. 失信被执行人名单
 * @param kind            red, black or gray
 * @param uscc            organisations: the unified social credit code
 * @param idNumber        natural persons: the ID number (the receiver keys it; it is never logged)
 * @param authority       the recognising authority at the source
 * @param validUntil      the last day in force, if the source gives one
 */
public record UpstreamListingReceived(UUID id, String platform, String upstreamId, long revision, String listName,
                                      ListKind kind, boolean inForce, SubjectType subjectType, String name,
                                      String uscc, String idNumber, String authority, LocalDate recognitionDate,
                                      LocalDate validUntil, Instant receivedAt) {
}
