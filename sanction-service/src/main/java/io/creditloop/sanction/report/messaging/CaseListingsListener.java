package io.creditloop.sanction.report.messaging;

import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.ListingEventHandler;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.sanction.report.CaseListing;
import io.creditloop.sanction.report.CaseListings;
import io.creditloop.sanction.erasure.ErroneousListingErasure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * R8: keeps what the dashboard and the monthly case report need of each listing (department, list, reported
 * subject, exit) in a consumer group of its own, so the loop's own handling of listing events stays as it is.
 * De-duplication and dead-lettering are the {@link ListingEventStream}'s; stale versions are dropped by
 * {@link CaseListings}. Each handler runs in the event's inbox transaction.
 */
@Component
class CaseListingsListener implements ListingEventHandler {

    static final String CONSUMER = "sanction.case-listings";

    private final ListingEventStream stream;
    private final CaseListings listings;
    private final ErroneousListingErasure erasure;

    CaseListingsListener(ListingEventStream stream, CaseListings listings, ErroneousListingErasure erasure) {
        this.erasure = erasure;
        this.stream = stream;
        this.listings = listings;
    }

    @KafkaListener(id = "sanction-case-listings", topics = Topics.LISTING_EVENTS,
            groupId = "sanction-service.case-listings",
            containerFactory = ListingEventStream.BACKGROUND_BATCHES)
    void on(List<ConsumerRecord<String, String>> records) {
        stream.acceptAll(CONSUMER, records, this);
    }

    /**
     * A poll's events together (issue 9): each run of confirmed and corrected listings written as one batch, exits
     * one at a time in their place; one by one, after a failed batch, through the methods below.
     */
    @Override
    public void handleAll(List<Object> events) {
        List<CaseListing> inForce = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof ListingConfirmed confirmed) {
                inForce.add(CaseListing.of(confirmed));
            } else if (event instanceof ListingCorrected corrected) {
                inForce.add(CaseListing.of(corrected));
            } else if (event instanceof ListingExited exited) {
                listings.inForceAll(inForce);
                inForce.clear();
                exited(exited);
            }
        }
        listings.inForceAll(inForce);
    }

    @Override
    public void confirmed(ListingConfirmed event) {
        listings.inForce(CaseListing.of(event));
    }

    @Override
    public void corrected(ListingCorrected event) {
        listings.inForce(CaseListing.of(event));
    }

    @Override
    public void exited(ListingExited event) {
        listings.exited(CaseListing.of(event));
        if (event.exitReason() == ExitReason.ERRONEOUS) {
            erasure.caseListing(event.listingId()); // R11
        }
    }
}
