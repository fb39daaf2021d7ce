package io.creditloop.identification.listing;

import java.util.UUID;

public class ListingNotFoundException extends RuntimeException {

    public ListingNotFoundException(UUID id) {
        super("no listing " + id);
    }
}
