package io.creditloop.publication.board.messaging;

import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.ListingEventHandler;
import io.creditloop.messaging.ListingEventStream;
import io.creditloop.publication.board.BoardService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Feeds the public board from {@code identification.listing.events} (R7, R13). Decoding, schema checks, de-duplication and
 * dead-lettering are the {@link ListingEventStream}'s.
 */
@Component
class ListingEventsListener implements ListingEventHandler {

    static final String CONSUMER = "publication.listing-events";

    private final ListingEventStream stream;
    private final BoardService board;

    ListingEventsListener(ListingEventStream stream, BoardService board) {
        this.stream = stream;
        this.board = board;
    }

    @KafkaListener(topics = Topics.LISTING_EVENTS, groupId = "publication-service",
            containerFactory = ListingEventStream.BACKGROUND_BATCHES)
    void on(List<ConsumerRecord<String, String>> records) {
        stream.acceptAll(CONSUMER, records, this);
    }

    /** A poll's events together (issue 9); one by one, after a failed batch, through the methods below. */
    @Override
    public void handleAll(List<Object> events) {
        board.applyAll(events);
    }

    @Override
    public void confirmed(ListingConfirmed event) {
        board.confirmed(event);
    }

    @Override
    public void corrected(ListingCorrected event) {
        board.corrected(event);
    }

    @Override
    public void exited(ListingExited event) {
        board.exited(event);
    }
}
