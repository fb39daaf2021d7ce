package io.creditloop.sanction.watch.web;

import io.creditloop.sanction.access.SanctionAccess;
import io.creditloop.security.Caller;

import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.sanction.agency.AgencyTopics;
import io.creditloop.sanction.watch.WatchEntry;
import io.creditloop.sanction.watch.WatchService;
import io.creditloop.sanction.watch.WatchSubject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * R8 targeted distribution (003 §18): an agency's watch list of the subjects it currently serves. Persons come in with
 * their ID number and go out only as their subject key (R16): the keyed hash that listing events and watch notices
 * carry, which the agency keeps to match notices to its own records.
 */
@RestController
@RequestMapping("/api/sanction/agencies/{agency}/watch-list")
@Tag(name = "watch lists", description = "R8: agencies are told at once when a subject they serve is listed or exits")
class WatchListController {

    private final WatchService watch;
    private final AgencyTopics topics;

    WatchListController(WatchService watch, AgencyTopics topics) {
        this.watch = watch;
        this.topics = topics;
    }

    /** The subjects to add or remove. */
    record Subjects(List<WatchSubject> subjects) {
    }

    /** One entry as it is stored: never an ID number. */
    record EntryView(String subjectKey, SubjectType subjectType, String relation, Instant registeredAt) {
        static EntryView of(WatchEntry e) {
            return new EntryView(e.subjectKey(), e.subjectType(), e.relation(), e.registeredAt());
        }
    }

    record Registered(int added, List<EntryView> entries) {
    }

    record Removed(int removed) {
    }

    @GetMapping
    @Operation(summary = "The agency's watch list")
    List<EntryView> list(@PathVariable String agency, Caller caller) {
        SanctionAccess.requireAgency(caller, agency);
        return watch.watchList(agency).stream().map(EntryView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Add subjects (uscc, organisationCode, or idType + idNumber); returns their subject keys")
    Registered register(@PathVariable String agency, @RequestBody Subjects body, Caller caller) {
        SanctionAccess.requireAgency(caller, agency);
        WatchService.Registration registration = watch.register(agency, body == null ? null : body.subjects());
        if (!registration.entries().isEmpty()) {
            // an agency without measures still needs its task topic for the notices
            topics.ensure(registration.entries().get(0).agencyCode());
        }
        return new Registered(registration.added(), registration.entries().stream().map(EntryView::of).toList());
    }

    @DeleteMapping
    @Operation(summary = "Remove subjects, named as when they were added")
    Removed unregister(@PathVariable String agency, @RequestBody Subjects body, Caller caller) {
        SanctionAccess.requireAgency(caller, agency);
        return new Removed(watch.unregister(agency, body == null ? null : body.subjects()));
    }
}
