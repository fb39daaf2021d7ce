package io.creditloop.identification.catalog.web;

import io.creditloop.identification.catalog.Catalog;
import io.creditloop.identification.catalog.CatalogService;
import io.creditloop.identification.catalog.ListTypeEntry;
import io.creditloop.identification.catalog.NewListTypeVersion;
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

    CatalogController(Catalog catalog, CatalogService service) {
        this.catalog = catalog;
        this.service = service;
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

    /** A new list type, or the next version of an existing one (a revised recognition standard). */
    @PostMapping("/list-types")
    ResponseEntity<ListTypeEntry> publish(@RequestBody NewListTypeVersion revision) {
        ListTypeEntry published = service.publish(revision);
        return ResponseEntity.status(published.version() == 1 ? HttpStatus.CREATED : HttpStatus.OK).body(published);
    }
}
