package io.creditloop.identification.listing.web;

import io.creditloop.identification.listing.ListingSubmission;

import java.util.List;

/** Several listings in one call (R3); each is accepted or refused on its own. */
public record BatchRequest(List<ListingSubmission> listings) {
}
