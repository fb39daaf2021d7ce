package io.creditloop.repair.listing;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingEvent;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.messaging.ListingVersions;
import io.creditloop.repair.erasure.ErroneousListingErasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
        boolean applied = isNew(e.listingId(), e.version());
        if (applied) {
            saveConfirmed(e);
        }
        return applied;
    }

    private void saveConfirmed(ListingConfirmed e) {
        save(e.listingId(), e.version(), ListingStatus.CONFIRMED, e.recognisingDepartment(), e.listType(),
                e.subject());
        refs.saveRepairFacts(e.listingId(), e.subject().key(), e.listType().repairMode(), e.recognitionDate(),
                e.validUntil(), true);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void corrected(ListingCorrected e) {
        if (isNew(e.listingId(), e.version())) {
            saveCorrected(e);
        }
    }

    private void saveCorrected(ListingCorrected e) {
        save(e.listingId(), e.version(), ListingStatus.CONFIRMED, e.recognisingDepartment(), e.listType(),
                e.subject());
        refs.saveRepairFacts(e.listingId(), e.subject().key(), e.listType().repairMode(), e.recognitionDate(),
                e.validUntil(), true);
    }

    /** R13: an exited listing stays known, so a late objection is told it has exited rather than not found. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void exited(ListingExited e) {
        if (isNew(e.listingId(), e.version())) {
            saveExited(e);
        }
    }

    private void saveExited(ListingExited e) {
        save(e.listingId(), e.version(), ListingStatus.EXITED, e.recognisingDepartment(), e.listType(), e.subject());
        refs.saveRepairFacts(e.listingId(), e.subject().key(), e.listType().repairMode(), null, null, false);
        if (e.exitReason() == ExitReason.ERRONEOUS) {
            erasure.erase(e.listingId()); // R11: the cases stay, masked
        }
    }

    /**
     * The listing events of one poll, in order (issue 9): versions checked in one go; each run of confirmed listings
     * whose subject has no repair under way ({@code underRepair} false) written as two JDBC batches; every other event
     * applied one at a time in its place, a confirmation then followed by {@code afterConfirmed} (R12's re-offence
     * check), exactly as one by one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyAll(List<Object> events, Predicate<String> underRepair, Consumer<UUID> afterConfirmed) {
        List<ListingConfirmed> run = new ArrayList<>();
        for (ListingEvent event : ListingVersions.fresh(versions, LISTING_VERSIONS, events)) {
            if (event instanceof ListingConfirmed e && !underRepair.test(e.subject().key())) {
                run.add(e);
            } else {
                confirmAll(run);
                if (event instanceof ListingConfirmed e) {
                    saveConfirmed(e);
                    afterConfirmed.accept(e.listingId());
                } else if (event instanceof ListingCorrected e) {
                    saveCorrected(e);
                } else if (event instanceof ListingExited e) {
                    saveExited(e);
                }
            }
        }
        confirmAll(run);
    }

    private void confirmAll(List<ListingConfirmed> run) {
        if (run.isEmpty()) {
            return;
        }
        refs.saveAll(run.stream().map(e -> ref(e.listingId(), e.version(), ListingStatus.CONFIRMED,
                e.recognisingDepartment(), e.listType(), e.subject())).toList());
        refs.saveRepairFactsAll(run.stream().map(e -> new ListingRefs.RepairFacts(e.listingId(), e.subject().key(),
                e.listType().repairMode(), e.recognitionDate(), e.validUntil(), true)).toList());
        log.info("{} listings confirmed", run.size());
        run.clear();
    }

    private static ListingRef ref(UUID listingId, long version, ListingStatus status, String department,
                                  ListType type, Subject subject) {
        return new ListingRef(listingId, version, status, department, type.code(), subject.type(),
                SubjectNames.masked(subject.type(), subject.name()), type.kind());
    }

    private boolean isNew(UUID listingId, long version) {
        if (!versions.advance(LISTING_VERSIONS, listingId.toString(), version)) {
            log.info("listing {} v{} is not newer than the version applied: ignored", listingId, version);
            return false;
        }
        return true;
    }

    private void save(UUID listingId, long version, ListingStatus status, String department, ListType type,
                      Subject subject) {
        refs.save(ref(listingId, version, status, department, type, subject));
        log.info("listing {} v{} is {}", listingId, version, status);
    }
}
