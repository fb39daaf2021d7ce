package io.creditloop.identification.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments manage their own list types (R2): create one, or publish a revised standard as a new version. */
@Service
public class CatalogService {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final Catalog catalog;
    private final io.creditloop.identification.listing.Listings listings;

    public CatalogService(Catalog catalog, io.creditloop.identification.listing.Listings listings) {
        this.catalog = catalog;
        this.listings = listings;
    }

    @Transactional
    public ListTypeEntry publish(NewListTypeVersion revision) {
        String code = revision.code() == null ? null : revision.code().strip();
        ListTypeEntry next = CatalogRules.nextVersion(revision,
                code == null ? java.util.Optional.empty() : catalog.currentForUpdate(code));
        catalog.publish(next, revision.description());
        // R13: a revised standard puts the listings made under the old one up for the department's review
        int flagged = next.version() > 1 ? listings.flagForStandardReview(next.code(), next.version()) : 0;
        log.info("list type {} v{} published by {}; {} listing(s) flagged for review", next.code(), next.version(),
                next.department(), flagged);
        return next;
    }
}
