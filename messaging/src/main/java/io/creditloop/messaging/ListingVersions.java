package io.creditloop.messaging;

import io.creditloop.contracts.listing.v1.ListingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The version check every listing consumer runs on one poll's events ({@link ListingEventHandler#handleAll}): an
 * event applies only if its listing's version is above the one this consumer applied, counting the events before it
 * in the poll, checked for all of them in one go ({@link AppliedVersions#advanceAll}). Must run in the handler's
 * transaction.
 */
public final class ListingVersions {

    private static final Logger log = LoggerFactory.getLogger(ListingVersions.class);

    private ListingVersions() {
    }

    /** The events of {@code events} whose version is new to {@code consumer}, in their order; the others logged. */
    public static List<ListingEvent> fresh(AppliedVersions versions, String consumer, List<?> events) {
        List<ListingEvent> listingEvents = new ArrayList<>(events.size());
        for (Object event : events) {
            if (!(event instanceof ListingEvent listingEvent)) {
                throw new IllegalArgumentException("not a listing event: " + event.getClass().getName());
            }
            listingEvents.add(listingEvent);
        }
        List<Boolean> isNew = versions.advanceAll(consumer, listingEvents.stream()
                .map(e -> new AppliedVersions.Versioned(e.listingId().toString(), e.version())).toList());
        List<ListingEvent> fresh = new ArrayList<>(listingEvents.size());
        for (int i = 0; i < listingEvents.size(); i++) {
            ListingEvent event = listingEvents.get(i);
            if (isNew.get(i)) {
                fresh.add(event);
            } else {
                log.info("listing {} v{} is not newer than the version {} applied; ignored", event.listingId(),
                        event.version(), consumer);
            }
        }
        return fresh;
    }
}
