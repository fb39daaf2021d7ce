package io.creditloop.sanction.check;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingEvent;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.messaging.ListingVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the credit check's read model in step with the listing events, each applied only if its version is newer
 * than the one this consumer applied for that listing (a duplicate or an overtaken event changes nothing):
 * confirmed and corrected write the listing's full state; an exit takes it out of force (R13); an erroneous exit
 * purges it (R11, 001 §19). The ID number on the event is kept only masked (R16).
 */
@Service
public class CheckReadModel {

    /** The version guard's consumer name: the read model's own, apart from the loop's. */
    static final String VERSIONS = "sanction.check";

    private static final Logger log = LoggerFactory.getLogger(CheckReadModel.class);

    private final AppliedVersions versions;
    private final CreditSubjectListings listings;
    private final io.creditloop.sanction.erasure.ErroneousListingErasure erasure;

    public CheckReadModel(AppliedVersions versions, CreditSubjectListings listings,
                          io.creditloop.sanction.erasure.ErroneousListingErasure erasure) {
        this.erasure = erasure;
        this.versions = versions;
        this.listings = listings;
    }

    @Transactional
    public void confirmed(ListingConfirmed e) {
        if (isNewVersion(e.listingId(), e.version(), "confirmed")) {
            save(e.listingId(), e.version(), e.listType(), e.subject(), e.recognisingDepartment(), e.validFrom(),
                    e.validUntil());
        }
    }

    @Transactional
    public void corrected(ListingCorrected e) {
        if (isNewVersion(e.listingId(), e.version(), "corrected")) {
            save(e.listingId(), e.version(), e.listType(), e.subject(), e.recognisingDepartment(), e.validFrom(),
                    e.validUntil());
        }
    }

    @Transactional
    public void exited(ListingExited e) {
        if (isNewVersion(e.listingId(), e.version(), "exited")) {
            applyExited(e);
        }
    }

    private void applyExited(ListingExited e) {
        if (e.exitReason() == ExitReason.ERRONEOUS) {
            erasure.checkReadModel(e.listingId());
        } else {
            listings.exited(e.listingId(), e.version(), e.exitReason() == null ? null : e.exitReason().name());
        }
    }

    /**
     * The listing events of one poll, in order (issue 9): versions checked in one go, each run of confirmed and
     * corrected listings written as one batch, exits applied one at a time in their place.
     */
    @Transactional
    public void applyAll(List<Object> events) {
        List<SubjectListing> run = new ArrayList<>();
        List<NamePinyin> pinyin = new ArrayList<>();
        for (ListingEvent event : ListingVersions.fresh(versions, VERSIONS, events)) {
            if (event instanceof ListingConfirmed e) {
                run.add(listing(e.listingId(), e.version(), e.listType(), e.subject(), e.recognisingDepartment(),
                        e.validFrom(), e.validUntil()));
                pinyin.add(NamePinyin.of(run.get(run.size() - 1).name()));
            } else if (event instanceof ListingCorrected e) {
                run.add(listing(e.listingId(), e.version(), e.listType(), e.subject(), e.recognisingDepartment(),
                        e.validFrom(), e.validUntil()));
                pinyin.add(NamePinyin.of(run.get(run.size() - 1).name()));
            } else if (event instanceof ListingExited e) {
                listings.saveAll(run, pinyin);
                run.clear();
                pinyin.clear();
                applyExited(e);
            }
        }
        listings.saveAll(run, pinyin);
    }

    private void save(UUID listingId, long version, ListType type, Subject s, String department, LocalDate validFrom,
                      LocalDate validUntil) {
        SubjectListing listing = listing(listingId, version, type, s, department, validFrom, validUntil);
        listings.save(listing, NamePinyin.of(listing.name()));
    }

    private static SubjectListing listing(UUID listingId, long version, ListType type, Subject s, String department,
                                          LocalDate validFrom, LocalDate validUntil) {
        String name = s.name() == null ? "" : s.name().strip();
        return new SubjectListing(listingId, version, s.key(), s.type(), name, s.uscc(),
                MaskedIdNumber.of(s.idNumber()), type.code(), type.name(), type.kind(),
                department == null ? type.department() : department, validFrom, validUntil);
    }

    private boolean isNewVersion(UUID listingId, long version, String what) {
        if (versions.advance(VERSIONS, listingId.toString(), version)) {
            return true;
        }
        log.info("listing {} {} v{} is not newer than the version the credit check applied; ignored", listingId, what,
                version);
        return false;
    }
}
