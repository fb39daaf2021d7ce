package io.creditloop.identification.access;

import io.creditloop.identification.catalog.Catalog;
import io.creditloop.identification.catalog.ListTypeEntry;
import io.creditloop.identification.listing.Listing;
import io.creditloop.identification.listing.ListingService;
import io.creditloop.security.Caller;
import io.creditloop.security.CallerRefused;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * R16 "谁认定、谁负责" in identification: a department creates, changes and exits listings, uploads spreadsheets and
 * revises catalog entries only for itself and only for list types it owns. Checked before anything is written
 * (403 otherwise); an internal caller (holding the signing key) may act for any department.
 */
@Component
public class DepartmentAccess {

    private final Catalog catalog;
    private final ListingService listings;

    public DepartmentAccess(Catalog catalog, ListingService listings) {
        this.catalog = catalog;
        this.listings = listings;
    }

    /** The caller speaks for {@code department} and, when the list type exists, owns it. */
    public void requireDepartment(Caller caller, String department, String listTypeCode) {
        requireDepartment(caller, department, listTypeCode, catalog::current);
    }

    /**
     * {@link #requireDepartment(Caller, String, String)} reading the list type through {@code currentType} (a batch's
     * per-call view of the catalog, so its checks and its writes read each list type once).
     */
    public void requireDepartment(Caller caller, String department, String listTypeCode,
                                  Function<String, Optional<ListTypeEntry>> currentType) {
        String dept = department == null ? "" : department.strip();
        if (!caller.isInternal() && !dept.isEmpty()) {
            CallerRefused.unless(caller.actsForDepartment(dept),
                    "caller " + caller + " may not act for department " + dept);
        }
        CallerRefused.unless(caller.isInternal() || caller.is(Caller.Kind.DEPARTMENT),
                "only a department's system may do this, not " + caller);
        if (listTypeCode != null && !listTypeCode.isBlank()) {
            Optional<ListTypeEntry> type = currentType.apply(listTypeCode.strip());
            type.ifPresent(t -> CallerRefused.unless(caller.actsForDepartment(t.department()),
                    "list type " + t.code() + " belongs to " + t.department() + ", not to " + caller.code()));
        }
    }

    /**
     * The listings of a list type awaiting review after a standard change: its own department, or the credit office
     * (they show the subjects); unknown list types pass (the answer is empty).
     */
    public void requireListTypeReader(Caller caller, String listTypeCode) {
        if (caller.isCreditOffice()) {
            return;
        }
        CallerRefused.unless(caller.is(Caller.Kind.DEPARTMENT),
                "only the owning department and the credit office review a list type's listings, not " + caller);
        catalog.current(listTypeCode == null ? "" : listTypeCode.strip()).ifPresent(t -> CallerRefused.unless(
                caller.actsForDepartment(t.department()),
                "list type " + t.code() + " belongs to " + t.department() + ", not to " + caller.code()));
    }

    /** The caller is the department that made the listing (unknown listings pass: the service answers 404). */
    public void requireListing(Caller caller, UUID id) {
        CallerRefused.unless(caller.isInternal() || caller.is(Caller.Kind.DEPARTMENT),
                "only the recognising department may change a listing, not " + caller);
        Optional<Listing> listing = listings.find(id);
        listing.ifPresent(l -> CallerRefused.unless(caller.actsForDepartment(l.department()),
                "listing " + id + " was made by " + l.department() + ", not by " + caller.code()));
    }
}
