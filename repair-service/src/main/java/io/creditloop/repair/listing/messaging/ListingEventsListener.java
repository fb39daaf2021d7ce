package io.creditloop.repair.listing.messaging;

import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.ListingEventHandler;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.repair.creditrepair.CreditRepairService;
import io.creditloop.repair.listing.ListingRefService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps repair's read model of listings from {@code identification.listing.events}, so objections name real listings (R10). Decoding, schema checks, de-duplication and
 * dead-lettering are the {@link ListingEventStream}'s.
 */
@Component
class ListingEventsListener implements ListingEventHandler {

    static final String CONSUMER = "repair.listing-events";

    private final ListingEventStream stream;
    private final ListingRefService listings;
    private final CreditRepairService repairs;

    ListingEventsListener(ListingEventStream stream, ListingRefService listings, CreditRepairService repairs) {
        this.stream = stream;
        this.listings = listings;
        this.repairs = repairs;
    }

    @KafkaListener(topics = Topics.LISTING_EVENTS, groupId = "repair-service",
            containerFactory = ListingEventStream.BACKGROUND_BATCHES)
    void on(List<ConsumerRecord<String, String>> records) {
        stream.acceptAll(CONSUMER, records, this);
    }

    /**
     * A poll's events together (issue 9): a confirmation whose subject has a repair under way is followed by the R12
     * check in its place, as below; the others are written in batches. One by one, after a failed batch, below.
     */
    @Override
    public void handleAll(List<Object> events) {
        java.util.Set<String> underRepair = repairs.subjectsUnderRepair(events.stream()
                .filter(ListingConfirmed.class::isInstance).map(e -> ((ListingConfirmed) e).subject().key())
                .distinct().toList());
        listings.applyAll(events, underRepair::contains, repairs::listingConfirmed);
    }

    @Override
    public void confirmed(ListingConfirmed event) {
        // R12: a new listing may be a re-offence against a repair of the same subject (same transaction)
        if (listings.confirmed(event)) {
            repairs.listingConfirmed(event.listingId());
        }
    }

    @Override
    public void corrected(ListingCorrected event) {
        listings.corrected(event);
    }

    @Override
    public void exited(ListingExited event) {
        listings.exited(event);
    }
}
