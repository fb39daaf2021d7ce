package io.creditloop.identification.listing.web;

import io.creditloop.identification.access.DepartmentAccess;
import io.creditloop.security.Caller;
import io.creditloop.security.PersonalDataReads;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.identification.catalog.ListTypeEntry;
import io.creditloop.identification.listing.FieldProblem;
import io.creditloop.identification.listing.InvalidListingException;
import io.creditloop.identification.listing.ListingNotFoundException;
import io.creditloop.identification.listing.ListingService;
import io.creditloop.identification.listing.ListingSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Department systems submit and exit listings here (through the gateway). */
@RestController
@RequestMapping("/api/listings")
class ListingController {

    static final int MAX_BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(ListingController.class);

    private final ListingService service;
    private final DepartmentAccess access;
    private final PersonalDataReads reads;

    ListingController(ListingService service, DepartmentAccess access, PersonalDataReads reads) {
        this.service = service;
        this.access = access;
        this.reads = reads;
    }

    /** 201 for a new listing; 200 with the first result when the submission id was seen before. */
    @PostMapping
    ResponseEntity<ListingView> submit(@RequestBody ListingSubmission submission, Caller caller) {
        access.requireDepartment(caller, submission.department(), submission.listType());
        ListingService.Submitted result = submitOnce(submission);
        ListingView view = ListingView.of(result.listing());
        if (!result.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(view.id()).toUri()).body(view);
    }

    /**
     * Up to {@value #MAX_BATCH} listings; each is validated on its own and refused with its own field problems, so one
     * bad listing never takes good ones with it. The accepted ones are stored together in one transaction through
     * {@link ListingService#submitAll} (issue 9: the same rules, history and events as one by one, in a few statements
     * per call instead of a dozen per listing). Should that transaction fail as a whole (a listing of the batch
     * committed meanwhile by a concurrent call with the same submission id, a lock conflict), nothing of it stays and
     * the listings are stored one by one, each in its own transaction, as before. Retrying the batch with the same
     * submission ids creates nothing twice.
     */
    @PostMapping("/batch")
    BatchResult batch(@RequestBody BatchRequest request, Caller caller) {
        List<ListingSubmission> listings = request.listings() == null ? List.of() : request.listings();
        // R16: the whole batch is refused before anything is written if one listing is not the caller's to make;
        // each distinct (department, list type) is checked once, in the order of first appearance
        var catalog = service.catalogView();
        listings.stream().filter(java.util.Objects::nonNull)
                .map(l -> java.util.Arrays.asList(l.department(), l.listType())).distinct()
                .forEach(pair -> access.requireDepartment(caller, pair.get(0), pair.get(1), catalog));
        access.requireDepartment(caller, null, null);
        if (listings.isEmpty() || listings.size() > MAX_BATCH) {
            throw new InvalidListingException(List.of(new FieldProblem("listings",
                    "一批应有1至" + MAX_BATCH + "条 (a batch holds 1 to " + MAX_BATCH + " listings)")));
        }
        List<ListingSubmission> present = listings.stream().filter(java.util.Objects::nonNull).toList();
        java.util.Iterator<ListingService.BatchResult> stored = storeAll(present, catalog).iterator();
        List<BatchResult.Item> results = new java.util.ArrayList<>(listings.size());
        int created = 0;
        int duplicates = 0;
        for (int i = 0; i < listings.size(); i++) {
            if (listings.get(i) == null) {
                results.add(new BatchResult.Item(i, BatchResult.Outcome.REJECTED, null,
                        List.of(new FieldProblem("listings[" + i + "]", "空记录 (empty listing)"))));
                continue;
            }
            ListingService.BatchResult result = stored.next();
            if (result.refused()) {
                results.add(new BatchResult.Item(i, BatchResult.Outcome.REJECTED, null, result.problems()));
            } else if (result.created()) {
                created++;
                results.add(new BatchResult.Item(i, BatchResult.Outcome.CREATED, result.listingId(), null));
            } else {
                duplicates++;
                results.add(new BatchResult.Item(i, BatchResult.Outcome.DUPLICATE, result.listingId(), null));
            }
        }
        return new BatchResult(created, duplicates, listings.size() - created - duplicates, results);
    }

    /** The batch in one transaction; after a failure of that transaction as a whole, one listing at a time. */
    private List<ListingService.BatchResult> storeAll(List<ListingSubmission> submissions,
                                                      Function<String, Optional<ListTypeEntry>> catalog) {
        if (submissions.isEmpty()) {
            return List.of();
        }
        try {
            return service.submitAll(submissions, catalog);
        } catch (DataAccessException e) {
            // rolled back entirely; the exception's text may quote submitted values, so only its kind is logged
            log.info("a batch of {} listings is stored one by one after {}", submissions.size(),
                    e.getClass().getSimpleName());
            return submissions.stream().map(this::storeOne).toList();
        }
    }

    private ListingService.BatchResult storeOne(ListingSubmission submission) {
        try {
            ListingService.Submitted result = submitOnce(submission);
            return new ListingService.BatchResult(result.listing().id(), result.created(), List.of());
        } catch (InvalidListingException e) {
            return new ListingService.BatchResult(null, false, e.problems());
        }
    }

    private ListingService.Submitted submitOnce(ListingSubmission submission) {
        try {
            return service.submit(submission);
        } catch (DuplicateKeyException raced) {
            // the same submission id committed concurrently: answer with the winner
            return new ListingService.Submitted(service.findBySubmission(submission.department().strip(),
                    submission.submissionId().strip()).orElseThrow(() -> raced), false);
        }
    }

    /** An organisation's listings, every status, oldest first (persons: with the audited query of issue 8). */
    @GetMapping(params = "uscc")
    List<ListingView> byOrganisation(@RequestParam String uscc) {
        return service.findBySubject(io.creditloop.identification.subject.SubjectKey.ofOrganisation(
                io.creditloop.identification.subject.Uscc.normalise(uscc))).stream().map(ListingView::of).toList();
    }

    /**
     * A person's listing shows the unmasked name: the read is recorded for the audit log (R16). An erroneous listing's
     * tombstone (R11) shows no personal data and is not recorded.
     */
    @GetMapping("/{id}")
    ListingView get(@PathVariable UUID id, Caller caller) {
        var listing = service.find(id).orElseThrow(() -> new ListingNotFoundException(id));
        if (listing.subject().type() == io.creditloop.contracts.listing.v1.SubjectType.PERSON
                && !io.creditloop.identification.listing.ExitRules.purgesPersonalData(listing)) {
            reads.record(caller, null, new PersonalDataReads.Read("listing", id.toString(), id,
                    listing.subject().key(), ListingView.maskedIdNumber(listing.subject().idNumber())));
        }
        return ListingView.of(listing);
    }

    /** R4: the person was notified (事前告知); identification continues. */
    @PostMapping("/{id}/notice")
    ListingView notice(@PathVariable UUID id, @RequestBody(required = false) StepRequests.Notice request,
            Caller caller) {
        access.requireListing(caller, id);
        return ListingView.of(service.recordNotice(id, date("noticeDate", request == null ? null : request.noticeDate())));
    }

    /** An objection received during publicity: confirmation waits for the department's decision. */
    @PostMapping("/{id}/objection")
    ListingView objection(@PathVariable UUID id, @RequestBody StepRequests.Objection request,
            Caller caller) {
        access.requireListing(caller, id);
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidListingException(List.of(new FieldProblem("reason", "异议理由为必填项 (reason is required)")));
        }
        return ListingView.of(service.raiseObjection(id, request.reason().strip()));
    }

    /** The department's verification of the objection: upheld withdraws the listing, dismissed confirms it. */
    @PostMapping("/{id}/objection/decision")
    ListingView decision(@PathVariable UUID id, @RequestBody StepRequests.Decision request,
            Caller caller) {
        access.requireListing(caller, id);
        if (request.upheld() == null) {
            throw new InvalidListingException(List.of(new FieldProblem("upheld", "upheld 为必填项 (true or false)")));
        }
        return ListingView.of(service.decideObjection(id, request.upheld(), request.note()));
    }

    /** R14: a gray subject's serious violation moves it to black with one call. */
    @PostMapping("/{id}/escalate")
    ResponseEntity<ListingView> escalate(@PathVariable UUID id, @RequestBody ListingSubmission black,
            Caller caller) {
        access.requireListing(caller, id);
        ListingService.Submitted result = service.escalate(id, black);
        return ResponseEntity.status(result.created() ? 201 : 200).body(ListingView.of(result.listing()));
    }

    @PostMapping("/{id}/exit")
    ListingView exit(@PathVariable UUID id, @RequestBody ExitRequest request,
            Caller caller) {
        access.requireListing(caller, id);
        return ListingView.of(service.exit(id, reason(request.reason()), date("exitDate", request.exitDate()),
                request.note()));
    }

    /** Shorthand for an exit: {@code DELETE /api/listings/{id}?reason=REVOKED}. */
    @DeleteMapping("/{id}")
    ListingView delete(@PathVariable UUID id, @RequestParam(defaultValue = "REVOKED") String reason,
                       @RequestParam(required = false) String note,
            Caller caller) {
        access.requireListing(caller, id);
        return ListingView.of(service.exit(id, reason(reason), null, note));
    }

    private static ExitReason reason(String raw) {
        try {
            return ExitReason.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidListingException(List.of(new FieldProblem("reason",
                    "退出原因应为 " + List.of(ExitReason.values()) + " 之一 (unknown exit reason)")));
        }
    }

    private static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidListingException(List.of(new FieldProblem(field, "日期无法识别 (use yyyy-MM-dd)")));
        }
    }
}
