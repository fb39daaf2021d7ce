package io.creditloop.identification.catalog.web;

import io.creditloop.identification.access.DepartmentAccess;
import io.creditloop.security.Caller;

import io.creditloop.identification.catalog.Catalog;
import io.creditloop.identification.catalog.CatalogService;
import io.creditloop.identification.catalog.ListTypeEntry;
import io.creditloop.identification.catalog.NewListTypeVersion;
import io.creditloop.identification.listing.ListingService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** The catalog (目录, R2): what each department may recognise, versioned. */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final Catalog catalog;
    private final CatalogService service;
    private final ListingService listingService;
    private final DepartmentAccess access;

    CatalogController(Catalog catalog, CatalogService service, ListingService listingService,
                      DepartmentAccess access) {
        this.catalog = catalog;
        this.service = service;
        this.listingService = listingService;
        this.access = access;
    }

    /** The current version of every list type. */
    @GetMapping("/list-types")
    List<ListTypeEntry> listTypes() {
        return catalog.all();
    }

    /** Every version of one list type, newest first. */
    @GetMapping("/list-types/{code}")
    List<ListTypeEntry> versions(@PathVariable String code) {
        List<ListTypeEntry> versions = catalog.versions(code);
        if (versions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no list type " + code);
        }
        return versions;
    }

    /** R13: the confirmed listings made under an older version, waiting for the department's review. */
    @GetMapping("/list-types/{code}/review")
    List<io.creditloop.identification.listing.web.ListingView> review(@PathVariable String code, Caller caller) {
        access.requireListTypeReader(caller, code);
        return listingService.awaitingStandardReview(code).stream()
                .map(io.creditloop.identification.listing.web.ListingView::of).toList();
    }

    /**
     * R13: the department's review after a standard change: the listings in {@code exit} (or, with
     * {@code exitAllOthers}, every listing not kept) exit as STANDARD_CHANGED; the rest stay.
     */
    @PostMapping("/list-types/{code}/review")
    ListingService.ReviewOutcome decide(@PathVariable String code, @RequestBody ReviewRequest request,
                                        Caller caller) {
        access.requireDepartment(caller, request.department(), code);
        if (request.department() == null || request.department().isBlank()) {
            throw new io.creditloop.identification.listing.InvalidListingException(List.of(
                    new io.creditloop.identification.listing.FieldProblem("department", "department 为必填项")));
        }
        return listingService.reviewStandardChange(code, request.department().strip(),
                request.exit() == null ? java.util.Set.of() : java.util.Set.copyOf(request.exit()),
                Boolean.TRUE.equals(request.exitAll()));
    }

    record ReviewRequest(String department, List<java.util.UUID> exit, Boolean exitAll) {
    }

    /** A new list type, or the next version of an existing one (a revised recognition standard). */
    @PostMapping("/list-types")
    ResponseEntity<ListTypeEntry> publish(@RequestBody NewListTypeVersion revision, Caller caller) {
        access.requireDepartment(caller, revision.department(), revision.code());
        ListTypeEntry published = service.publish(revision);
        return ResponseEntity.status(published.version() == 1 ? HttpStatus.CREATED : HttpStatus.OK).body(published);
    }
}
