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

    public CatalogService(Catalog catalog) {
        this.catalog = catalog;
    }

    @Transactional
    public ListTypeEntry publish(NewListTypeVersion revision) {
        String code = revision.code() == null ? null : revision.code().strip();
        ListTypeEntry next = CatalogRules.nextVersion(revision,
                code == null ? java.util.Optional.empty() : catalog.currentForUpdate(code));
        catalog.publish(next, revision.description());
        log.info("list type {} v{} published by {}", next.code(), next.version(), next.department());
        return next;
    }
}
