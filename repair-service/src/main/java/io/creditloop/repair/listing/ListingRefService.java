package io.creditloop.repair.listing;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.repair.erasure.ErroneousListingErasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Keeps {@link ListingRef}s up to date from listing events, in the caller's (the inbox's) transaction. An event
 * whose version is not newer than the one applied changes nothing. The one place listing events are mapped here.
 */
@Service
public class ListingRefService {

    static final String LISTING_VERSIONS = "repair.listing";

    private static final Logger log = LoggerFactory.getLogger(ListingRefService.class);

    private final ListingRefs refs;
    private final AppliedVersions versions;
    private final ErroneousListingErasure erasure;

    public ListingRefService(ListingRefs refs, AppliedVersions versions, ErroneousListingErasure erasure) {
        this.erasure = erasure;
        this.refs = refs;
        this.versions = versions;
    }

    /** @return whether the event was newer than the version applied (and so was applied) */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean confirmed(ListingConfirmed e) {
        boolean applied = apply(e.listingId(), e.version(), ListingStatus.CONFIRMED, e.recognisingDepartment(),
                e.listType(), e.subject());
        if (applied) {
            refs.saveRepairFacts(e.listingId(), e.subject().key(), e.listType().repairMode(), e.recognitionDate(),
                    e.validUntil(), true);
        }
        return applied;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void corrected(ListingCorrected e) {
        if (apply(e.listingId(), e.version(), ListingStatus.CONFIRMED, e.recognisingDepartment(), e.listType(),
                e.subject())) {
            refs.saveRepairFacts(e.listingId(), e.subject().key(), e.listType().repairMode(), e.recognitionDate(),
                    e.validUntil(), true);
        }
    }

    /** R13: an exited listing stays known, so a late objection is told it has exited rather than not found. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void exited(ListingExited e) {
        if (apply(e.listingId(), e.version(), ListingStatus.EXITED, e.recognisingDepartment(), e.listType(),
                e.subject())) {
            refs.saveRepairFacts(e.listingId(), e.subject().key(), e.listType().repairMode(), null, null, false);
            if (e.exitReason() == ExitReason.ERRONEOUS) {
                erasure.erase(e.listingId()); // R11: the cases stay, masked
            }
        }
    }

    private boolean apply(UUID listingId, long version, ListingStatus status, String department, ListType type,
                       Subject subject) {
        if (!versions.advance(LISTING_VERSIONS, listingId.toString(), version)) {
            log.info("listing {} v{} is not newer than the version applied: ignored", listingId, version);
            return false;
        }
        refs.save(new ListingRef(listingId, version, status, department, type.code(), subject.type(),
                SubjectNames.masked(subject.type(), subject.name()), type.kind()));
        log.info("listing {} v{} is {}", listingId, version, status);
        return true;
    }
}
