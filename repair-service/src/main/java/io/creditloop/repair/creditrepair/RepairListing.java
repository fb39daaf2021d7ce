package io.creditloop.repair.creditrepair;

import io.creditloop.contracts.listing.v1.ListKind;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What credit repair knows of a listing (from {@code listing_ref}): its subject key (never an ID number), type, kind,
 * repair mode, dates, and whether a re-offence barred its repair.
 *
 * @param repairMode null when the listing events did not tell
 */
public record RepairListing(UUID listingId, String subjectKey, String department, String listTypeCode, ListKind kind,
                            RepairMode repairMode, LocalDate recognitionDate, LocalDate validUntil, boolean exited,
                            boolean barred) {

    /** R12 (000 §5(二)): a serious (black) listing, or one of the same type, counts as a new violation. */
    public boolean violationAgainst(RepairListing repaired) {
        return !listingId.equals(repaired.listingId())
                && (kind == ListKind.BLACK || listTypeCode.equals(repaired.listTypeCode()));
    }

    public boolean inValidityOn(LocalDate day) {
        return validUntil == null || !day.isAfter(validUntil);
    }
}
