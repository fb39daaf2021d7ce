package io.creditloop.sharing.registry.web;

import io.creditloop.sharing.registry.RegisterEntry;
import io.creditloop.sharing.registry.RegistryService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import io.creditloop.security.Caller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** R16: the credit office reviews who queried which person, when and why. */
@RestController
@RequestMapping("/api/sharing/query-register")
class QueryRegisterController {

    private static final int MAX_SIZE = 500;
    private final RegistryService registry;

    QueryRegisterController(RegistryService registry) {
        this.registry = registry;
    }

    /** Entries from {@code from} to {@code to} (days in the deployment's zone, both inclusive), newest first. */
    @GetMapping
    RegisterPageView review(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) String agency,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size,
                            Caller caller) {
        if (!caller.isCreditOffice()) {
            throw new ForbiddenAgencyException("仅信用办可查阅查询登记 (only the credit office reviews the query register)");
        }
        if (to.isBefore(from)) {
            throw InvalidQueryException.of("to", "结束日期早于开始日期 (to is before from)");
        }
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw InvalidQueryException.of("size", "page >= 0, 1 <= size <= " + MAX_SIZE);
        }
        RegistryService.RegisterPage found = registry.review(from, to,
                agency == null || agency.isBlank() ? null : agency.strip(), page, size);
        return new RegisterPageView(found.items(), found.page(), found.size(), found.total());
    }

    /** {@code items}: each entry's subject by key and masked ID number; the number itself is never registered. */
    record RegisterPageView(List<RegisterEntry> items, int page, int size, long total) {
    }
}
