package io.creditloop.identification.listing.web;

/** R13: why and when a listing exits; {@code exitDate} defaults to today. */
public record ExitRequest(String reason, String exitDate, String note) {
}
