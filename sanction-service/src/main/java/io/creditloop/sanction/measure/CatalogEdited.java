package io.creditloop.sanction.measure;

/** A version of a measure was stored: whoever holds the catalog in memory reloads it once the edit is committed. */
public record CatalogEdited(String listTypeCode, String agencyCode, String measureCode, int version) {
}
