package io.creditloop.messaging;

import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;

import java.util.List;

/** What a service does with each listing event; runs inside the inbox transaction. */
public interface ListingEventHandler {

    void confirmed(ListingConfirmed event);

    void corrected(ListingCorrected event);

    void exited(ListingExited event);

    /**
     * The events of one poll not handled before ({@link ListingConfirmed}, {@link ListingCorrected} and
     * {@link ListingExited} data, in the order of the partition), all in one inbox transaction. One by one unless a
     * handler writes a batch's rows together (issue 9); whatever it does must leave exactly what handling them one by
     * one in this order would, since a failed batch is rolled back and handled again one event at a time.
     */
    default void handleAll(List<Object> events) {
        for (Object event : events) {
            dispatch(event, this);
        }
    }

    /** One event to its method; data of another type is not a listing event and is ignored. */
    static void dispatch(Object data, ListingEventHandler handler) {
        if (data instanceof ListingConfirmed confirmed) {
            handler.confirmed(confirmed);
        } else if (data instanceof ListingCorrected corrected) {
            handler.corrected(corrected);
        } else if (data instanceof ListingExited exited) {
            handler.exited(exited);
        }
    }
}
