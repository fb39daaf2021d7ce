package io.creditloop.identification.catalog.web;

import io.creditloop.identification.catalog.Catalog;
import io.creditloop.identification.catalog.ListTypeEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/list-types")
    List<ListTypeEntry> listTypes() {
        return catalog.all();
    }
}
