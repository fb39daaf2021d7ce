package io.creditloop.identification.listing;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.identification.catalog.Catalog;
import io.creditloop.identification.listing.messaging.ListingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Use cases on listings; each is one transaction that writes the state, its history and its outgoing event. */
@Service
public class ListingService {

    private static final Logger log = LoggerFactory.getLogger(ListingService.class);

    private final Listings listings;
    private final Catalog catalog;
    private final ListingEvents events;
    private final Clock clock;

    public ListingService(Listings listings, Catalog catalog, ListingEvents events, Clock clock) {
        this.listings = listings;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of a submission: the listing, and whether this call created it. */
    public record Submitted(Listing listing, boolean created) {
    }

    /**
     * Records a submitted listing and, in this slice, confirms it at once (the publicity and objection steps of
     * R4/R5 arrive with the identification workflow). A repeated submission id returns the first result.
     */
    @Transactional
    public Submitted submit(ListingSubmission submission) {
        if (submission.submissionId() != null && submission.department() != null) {
            Optional<Listing> earlier = listings.findBySubmission(submission.department().strip(),
                    submission.submissionId().strip());
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), false);
            }
        }
        Listing listing = RecordContentRules.accept(submission, catalog::current, LocalDate.now(clock));
        Instant now = clock.instant();
        listings.insert(listing);
        listings.appendEvent(listing, "RECORDED", now, null);

        long recorded = listing.version();
        listing.confirm(now);
        listings.update(listing, recorded);
        listings.appendEvent(listing, "CONFIRMED", now, null);
        events.confirmed(listing);
        log.info("listing {} confirmed: {} {} v{}", listing.id(), listing.listType().code(), listing.subject().key(),
                listing.version());
        return new Submitted(listing, true);
    }

    public Optional<Listing> find(UUID id) {
        return listings.find(id);
    }

    public Optional<Listing> findBySubmission(String department, String submissionId) {
        return listings.findBySubmission(department, submissionId);
    }

    /** R13: exit. {@code date} defaults to today in the deployment's zone. */
    @Transactional
    public Listing exit(UUID id, ExitReason reason, LocalDate date, String note) {
        Listing listing = listings.find(id).orElseThrow(() -> new ListingNotFoundException(id));
        long before = listing.version();
        listing.exit(reason, date == null ? LocalDate.now(clock) : date, note, clock.instant());
        listings.update(listing, before);
        listings.appendEvent(listing, "EXITED", listing.exitedAt(), reason.name());
        events.exited(listing);
        log.info("listing {} exited: {} v{}", id, reason, listing.version());
        return listing;
    }
}
