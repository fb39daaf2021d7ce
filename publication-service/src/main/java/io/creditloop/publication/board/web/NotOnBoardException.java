package io.creditloop.publication.board.web;

import java.util.UUID;

/** The listing is unknown, has exited, or is outside its published period today. */
class NotOnBoardException extends RuntimeException {

    private final UUID listingId;

    NotOnBoardException(UUID listingId) {
        super("listing " + listingId + " is not on the board");
        this.listingId = listingId;
    }

    UUID listingId() {
        return listingId;
    }
}
