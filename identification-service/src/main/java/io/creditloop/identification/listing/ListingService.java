package io.creditloop.identification.listing;

import io.creditloop.calendar.WorkingDayCalendar;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.identification.catalog.Catalog;
import io.creditloop.identification.catalog.ListTypeEntry;
import io.creditloop.identification.listing.messaging.ListingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Use cases on listings. Each is one transaction that writes the state, its history (one immutable event per
 * version) and, for what the other services follow (confirmation, exit), the outgoing event.
 */
@Service
public class ListingService {

    private static final Logger log = LoggerFactory.getLogger(ListingService.class);

    private final Listings listings;
    private final Catalog catalog;
    private final ListingEvents events;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final int bigDataWarningDomains;
    private final io.creditloop.identification.subject.PersonKeys personKeys;
    private final UpstreamListings upstream;
    private final ErroneousListingErasure erasure;

    public ListingService(Listings listings, Catalog catalog, ListingEvents events, WorkingDayCalendar calendar,
                          Clock clock,
                          @Value("${creditloop.identification.big-data-warning-domains:3}") int bigDataWarningDomains,
                          io.creditloop.identification.subject.PersonKeys personKeys, UpstreamListings upstream,
                          ErroneousListingErasure erasure) {
        this.erasure = erasure;
        this.personKeys = personKeys;
        this.upstream = upstream;
        this.listings = listings;
        this.catalog = catalog;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
        this.bigDataWarningDomains = bigDataWarningDomains;
    }

    /** The outcome of a submission: the listing, and whether this call created it. */
    public record Submitted(Listing listing, boolean created) {
    }

    /**
     * Records a submitted listing (R3) and takes it as far through identification (R4, R5) as it can go now:
     * excluded, waiting for the person's prior notice, in publicity, or confirmed. A repeated submission id
     * returns the first result.
     */
    @Transactional
    public Submitted submit(ListingSubmission submission) {
        if (submission.submissionId() != null && submission.department() != null) {
            Optional<Listing> earlier = listings.findBySubmission(submission.department().strip(),
                    submission.submissionId().strip());
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), false);
            }
        }
        Listing listing = RecordContentRules.accept(submission, catalog::current, today(), personKeys);
        listings.lockSubject(listing.subject().key());
        listings.insert(listing);
        listings.appendEvent(listing, "RECORDED", clock.instant(), null);
        advance(listing);
        return new Submitted(listing, true);
    }

    public Optional<Listing> find(UUID id) {
        return listings.find(id);
    }

    public Optional<Listing> findBySubmission(String department, String submissionId) {
        return listings.findBySubmission(department, submissionId);
    }

    public List<Listing> findBySubject(String subjectKey) {
        return listings.findBySubject(subjectKey);
    }

    /** R4: the department records that the person was notified (告知书送达); identification goes on. */
    @Transactional
    public Listing recordNotice(UUID id, LocalDate noticeDate) {
        Listing listing = locked(id);
        long before = listing.version();
        listing.recordNotice(noticeDate == null ? today() : noticeDate, today());
        save(listing, before, "NOTIFIED", null);
        advance(listing);
        return listing;
    }

    /** An objection raised during publicity (R4, R5): confirmation waits for the department's verification. */
    @Transactional
    public Listing raiseObjection(UUID id, String reason) {
        Listing listing = locked(id);
        long before = listing.version();
        listing.object(reason);
        save(listing, before, "OBJECTED", null);
        return listing;
    }

    /** The department's verification: upheld withdraws the listing (R11 purge), dismissed confirms it. */
    @Transactional
    public Listing decideObjection(UUID id, boolean upheld, String note) {
        Listing listing = locked(id);
        long before = listing.version();
        listing.decideObjection(upheld, note);
        if (upheld) {
            save(listing, before, "WITHDRAWN", "objection upheld");
            purgeIfErroneous(listing);
        } else {
            save(listing, before, "OBJECTION_DISMISSED", null);
            advance(listing);
        }
        return listing;
    }

    /** R13: exit; a black exit other than by error moves the subject onto the gray list at once. */
    @Transactional
    public Listing exit(UUID id, ExitReason reason, LocalDate date, String note) {
        if (date != null && date.isAfter(today())) {
            throw new InvalidListingException(List.of(new FieldProblem("exitDate",
                    "退出日期不能晚于今天 (an exit takes effect when it is recorded; the exit date cannot be in the future)")));
        }
        Listing listing = locked(id);
        exit(listing, reason, date == null ? today() : date, note);
        return listing;
    }

    /**
     * R10-R12, R15: a decision repair-service made on a listing. An exit decision exits a confirmed listing (erroneous:
     * purged, R11; repaired black: gray follows, R13); a listing already exited, unknown here, or a decision that
     * exits nothing changes nothing.
     *
     * @return whether the listing exited
     */
    @Transactional
    public boolean applyRepairDecision(io.creditloop.contracts.repair.v1.DecisionMade decision) {
        Optional<ExitReason> reason = RepairDecisions.exitReason(decision.kind());
        if (reason.isEmpty()) {
            log.info("repair decision {} on listing {} is {}: the listing stays", decision.decisionId(),
                    decision.listingId(), decision.kind());
            return false;
        }
        if (listings.find(decision.listingId()).isEmpty()) {
            log.warn("repair decision {} names listing {}, not known here: ignored", decision.decisionId(),
                    decision.listingId());
            return false;
        }
        Listing listing = locked(decision.listingId());
        if (listing.status() != ListingStatus.CONFIRMED) {
            log.info("repair decision {}: listing {} is {}, not confirmed: nothing to exit", decision.decisionId(),
                    listing.id(), listing.status());
            return false;
        }
        String note = "repair-service decision " + decision.decisionId() + " (" + decision.kind() + ")"
                + (decision.note() == null ? "" : ": " + decision.note());
        exit(listing, reason.get(), today().isBefore(listing.recognitionDate()) ? listing.recognitionDate() : today(),
                note);
        return true;
    }

    /**
     * R14 (001 §16, 004 §5(三)3): a serious violation within gray validity moves the subject to black with one
     * call. The black listing goes through identification like any other (prior notice, publicity); the gray
     * listing exits when the black one is confirmed ({@link CrossChecks#graysMovedToBlack}). A retry with the same
     * submission id returns the first result.
     */
    @Transactional
    public Submitted escalate(UUID grayId, ListingSubmission black) {
        Listing gray = locked(grayId);
        if (black.department() == null || !gray.department().equals(black.department().strip())) {
            throw new InvalidListingException(List.of(new FieldProblem("department",
                    "只有认定该重点关注名单的部门可以升级 (only the department that recognised the gray listing escalates it)")));
        }
        if (black.submissionId() != null) {
            Optional<Listing> earlier = listings.findBySubmission(gray.department(), black.submissionId().strip());
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), false);
            }
        }
        if (gray.listType().kind() != ListKind.GRAY || !gray.inForceOn(today())) {
            throw new ListingStateException("listing " + grayId + " is not a gray listing in force");
        }
        var s = gray.subject();
        ListingSubmission sameSubject = new ListingSubmission(black.submissionId(), black.department(),
                black.listType(), s.type().name(), s.name(), s.uscc(), s.idType(), s.idNumber(),
                s.legalRepresentative(), black.reason(), black.basis(), black.recognitionDate(), black.validity(),
                s.organisationCode(), s.lei(), s.uscc() != null, black.note(), s.legalRepresentativeIdNumber());
        Listing candidate = RecordContentRules.accept(sameSubject, catalog::current, today(), personKeys);
        if (candidate.listType().kind() != ListKind.BLACK) {
            throw new InvalidListingException(List.of(new FieldProblem("listType",
                    "升级应列入黑名单类型 (escalation must name a black list type)")));
        }
        return submit(sameSubject);
    }

    /**
     * A listing made upstream arrived or changed (sharing-service received it). It joins the subject's R5 cross-check;
     * a black or gray one in force removes the subject's confirmed red listings at once (R4/R13). A stale revision
     * changes nothing.
     *
     * @return whether it was stored (false: stale, or no subject this deployment can key)
     */
    @Transactional
    public boolean upstreamReceived(io.creditloop.contracts.sharing.v1.UpstreamListingReceived received) {
        Optional<String> key = UpstreamSubjects.key(received, personKeys);
        if (key.isEmpty()) {
            log.warn("upstream listing {} of platform {} names no usable USCC or ID number: not cross-checked",
                    received.upstreamId(), received.platform());
            return false;
        }
        UpstreamListing listing = new UpstreamListing(received.platform(), received.upstreamId(), received.listName(),
                received.kind(), received.inForce(), key.get(), received.validUntil());
        listings.lockSubject(key.get());
        if (!upstream.store(listing, received.revision(), received.receivedAt())) {
            return false;
        }
        for (Listing red : CrossChecks.redListingsSupersededBy(listing, listings.findBySubject(key.get()), today())) {
            Listing locked = listings.findForUpdate(red.id()).orElseThrow(() -> new ListingNotFoundException(red.id()));
            exit(locked, ExitReason.REVOKED, today(), "主体被列入" + listing.describe() + "，移出红名单 (R4/R13: listed "
                    + listing.kind() + " upstream)");
        }
        return true;
    }

    /** The outcome of a standard review: how many listings were kept and how many exited. */
    public record ReviewOutcome(int kept, int exited) {
    }

    /**
     * R13 (001 §17-18): after a standard change the department decides, listing by listing or all at once, which
     * listings still qualify; the others exit as STANDARD_CHANGED. Only the owning department reviews.
     */
    @Transactional
    public ReviewOutcome reviewStandardChange(String listTypeCode, String department, java.util.Set<UUID> exit,
                                              boolean exitAllOthers) {
        List<Listing> pending = listings.awaitingStandardReview(listTypeCode);
        int kept = 0;
        int exited = 0;
        for (Listing candidate : pending) {
            if (!candidate.department().equals(department)) {
                throw new ListingStateException("list type " + listTypeCode + " is reviewed by "
                        + candidate.department() + ", not " + department);
            }
            Listing listing = locked(candidate.id());
            if (exit.contains(listing.id()) || exitAllOthers) {
                exit(listing, ExitReason.STANDARD_CHANGED, today(),
                        "认定标准修订后不再符合 (R13: no longer qualifies under the revised standard)");
                exited++;
            } else {
                kept++;
            }
            listings.clearStandardReview(listing.id());
        }
        return new ReviewOutcome(kept, exited);
    }

    public List<Listing> awaitingStandardReview(String listTypeCode) {
        return listings.awaitingStandardReview(listTypeCode);
    }

    /** Scheduler: publicity ended without objection → the next step (confirmation, or R5 exclusion). */
    @Transactional
    public boolean publicityEnded(UUID id) {
        Listing listing = locked(id);
        if (listing.status() != ListingStatus.IN_PUBLICITY || !listing.publicityEndsOn().isBefore(today())) {
            return false;
        }
        advance(listing);
        return true;
    }

    /** Scheduler: R13 expiry — the validity ended, the listing exits automatically. */
    @Transactional
    public boolean expired(UUID id) {
        Listing listing = locked(id);
        if (listing.status() != ListingStatus.CONFIRMED || listing.validUntil() == null
                || !listing.validUntil().isBefore(today())) {
            return false;
        }
        exit(listing, ExitReason.EXPIRED, listing.validUntil().plusDays(1), "有效期届满 (validity ended)");
        return true;
    }

    public List<UUID> publicityDue(int limit) {
        return listings.publicityEndedBefore(today(), limit);
    }

    public List<UUID> expiryDue(int limit) {
        return listings.validityEndedBefore(today(), limit);
    }

    private void advance(Listing listing) {
        IdentificationWorkflow.Step step = IdentificationWorkflow.next(listing,
                listings.findBySubject(listing.subject().key()), upstream.inForceFor(listing.subject().key()), today(),
                calendar);
        long before = listing.version();
        Transition transition = take(listing, step);
        if (transition != null) {
            save(listing, before, transition.type(), transition.detail());
            if (listing.status() == ListingStatus.CONFIRMED) {
                afterConfirmation(listing);
            }
        }
    }

    /** The listing's history entry for one transition. */
    private record Transition(String type, String detail) {
    }

    /** Applies a workflow step to the listing in memory; {@code null} when the step is to wait. */
    private Transition take(Listing listing, IdentificationWorkflow.Step step) {
        if (step instanceof IdentificationWorkflow.Exclude exclude) {
            listing.exclude(exclude.reason());
            return new Transition("EXCLUDED", exclude.reason());
        } else if (step instanceof IdentificationWorkflow.Publicity publicity) {
            listing.startPublicity(publicity.endsOn());
            return new Transition("PUBLICITY_STARTED", "until " + publicity.endsOn());
        } else if (step instanceof IdentificationWorkflow.Confirm) {
            listing.confirm(clock.instant());
            return new Transition("CONFIRMED", null);
        }
        return null;
    }

    /** What a batch did with one submission: created a listing, found an earlier one, or refused it (R3). */
    public record BatchResult(UUID listingId, boolean created, List<FieldProblem> problems) {

        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    /**
     * Records many submissions in one transaction, each with exactly the rules and outcome of {@link #submit}.
     * A subject seen for the first time (most of a department's upload) has nothing to cross-check against, so it
     * is identified in memory and written with the others in a few batched statements; a subject that already has
     * listings, or comes twice in the batch, goes through {@link #submit} one by one. The subjects are locked for
     * the whole transaction, so nobody lists them in between.
     */
    @Transactional
    public List<BatchResult> submitAll(List<ListingSubmission> submissions) {
        return submitAll(submissions, catalogView());
    }

    /**
     * {@link #submitAll(List)} reading list types through {@code cachedCatalog}, a view the caller already used for
     * the same call (its R16 checks): each list type is read once per call.
     */
    @Transactional
    public List<BatchResult> submitAll(List<ListingSubmission> submissions,
                                       Function<String, Optional<ListTypeEntry>> cachedCatalog) {
        LocalDate today = today();
        Map<String, UUID> earlier = listings.findIdsBySubmission(submissions.stream()
                .filter(s -> s.submissionId() != null && s.department() != null)
                .map(s -> s.department().strip() + "\n" + s.submissionId().strip())
                .toList());

        BatchResult[] results = new BatchResult[submissions.size()];
        Listing[] accepted = new Listing[submissions.size()];
        Map<String, Integer> seenInBatch = new HashMap<>();
        Map<String, Integer> subjectRows = new HashMap<>();
        for (int i = 0; i < submissions.size(); i++) {
            ListingSubmission s = submissions.get(i);
            String submissionKey = s.submissionId() == null || s.department() == null ? null
                    : s.department().strip() + "\n" + s.submissionId().strip();
            if (submissionKey != null && earlier.containsKey(submissionKey)) {
                results[i] = new BatchResult(earlier.get(submissionKey), false, List.of());
                continue;
            }
            try {
                accepted[i] = RecordContentRules.accept(s, cachedCatalog, today, personKeys);
            } catch (InvalidListingException e) {
                results[i] = new BatchResult(null, false, e.problems());
                continue;
            }
            if (submissionKey != null && seenInBatch.putIfAbsent(submissionKey, i) != null) {
                accepted[i] = null; // a repeat within the batch: resolved below, after the first is written
                continue;
            }
            subjectRows.merge(accepted[i].subject().key(), 1, Integer::sum);
        }

        listings.lockSubjects(subjectRows.keySet());
        Set<String> listedBefore = new java.util.HashSet<>(listings.subjectsWithListings(subjectRows.keySet()));
        listedBefore.addAll(upstream.subjectsListed(subjectRows.keySet()));
        List<Listing> fresh = new ArrayList<>();
        List<Listings.HistoryEntry> history = new ArrayList<>();
        List<Listing> confirmed = new ArrayList<>();
        List<Integer> oneByOne = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < submissions.size(); i++) {
            Listing listing = accepted[i];
            if (listing == null) {
                continue;
            }
            String key = listing.subject().key();
            if (listedBefore.contains(key) || subjectRows.get(key) > 1) {
                oneByOne.add(i);
                continue;
            }
            List<Listings.HistoryEntry> steps = new ArrayList<>();
            steps.add(new Listings.HistoryEntry(listing.id(), listing.version(), "RECORDED", now, null));
            Transition transition = take(listing, IdentificationWorkflow.next(listing, List.of(listing), today,
                    calendar));
            if (transition != null) {
                steps.add(new Listings.HistoryEntry(listing.id(), listing.version(), transition.type(), now,
                        transition.detail()));
            }
            if (listing.status() == ListingStatus.CONFIRMED && !afterConfirmationIsOnlyTheEvent(listing, today)) {
                oneByOne.add(i); // submit() starts again from the submission
                continue;
            }
            fresh.add(listing);
            history.addAll(steps);
            if (listing.status() == ListingStatus.CONFIRMED) {
                confirmed.add(listing);
            }
            results[i] = new BatchResult(listing.id(), true, List.of());
        }
        listings.insertAll(fresh);
        listings.appendEvents(history);
        events.confirmedAll(confirmed);
        for (int i : oneByOne) {
            Submitted submitted = submit(submissions.get(i));
            results[i] = new BatchResult(submitted.listing().id(), submitted.created(), List.of());
        }
        for (int i = 0; i < submissions.size(); i++) {
            if (results[i] == null) { // a repeat of an earlier row of this batch
                ListingSubmission s = submissions.get(i);
                BatchResult first = results[seenInBatch.get(s.department().strip() + "\n" + s.submissionId().strip())];
                results[i] = new BatchResult(first.listingId(), false, first.problems());
            }
        }
        if (!confirmed.isEmpty()) {
            log.info("{} listings confirmed in one batch", confirmed.size());
        }
        return List.of(results);
    }

    /** The current catalog as one call sees it: each list type read at most once (a list type is rarely revised). */
    public Function<String, Optional<ListTypeEntry>> catalogView() {
        Map<String, Optional<ListTypeEntry>> types = new HashMap<>();
        return code -> types.computeIfAbsent(code, catalog::current);
    }

    /**
     * A confirmed listing of a subject with no other listing: the R4/R13/R14 cross-checks find nothing, unless the
     * deployment's big-data threshold is a single domain.
     */
    private boolean afterConfirmationIsOnlyTheEvent(Listing listing, LocalDate today) {
        List<Listing> alone = List.of(listing);
        return CrossChecks.redListingsSupersededBy(listing, alone).isEmpty()
                && CrossChecks.graysMovedToBlack(listing, alone, today).isEmpty()
                && !(listing.listType().kind() == ListKind.GRAY
                        && BigDataWarning.due(alone, today, bigDataWarningDomains));
    }

    /** R4/R13 cross-check and R14 big-data warning, then the event the other services follow. */
    private void afterConfirmation(Listing listing) {
        events.confirmed(listing);
        log.info("listing {} confirmed: {} v{}", listing.id(), listing.listType().code(), listing.version());
        List<Listing> subjectListings = listings.findBySubject(listing.subject().key());
        for (Listing red : CrossChecks.redListingsSupersededBy(listing, subjectListings)) {
            exit(red, ExitReason.REVOKED, today(), "主体列入" + listing.listType().name() + "，移出红名单 (R4/R13: "
                    + "listed " + listing.listType().kind() + ")");
        }
        for (Listing gray : CrossChecks.graysMovedToBlack(listing, subjectListings, today())) {
            exit(gray, ExitReason.REVOKED, today(), "同一领域列入黑名单 (R14: moved to the black list "
                    + listing.listType().code() + ")");
        }
        if (listing.listType().kind() == ListKind.GRAY
                && BigDataWarning.due(listings.findBySubject(listing.subject().key()), today(), bigDataWarningDomains)) {
            catalog.current(BigDataWarning.LIST_TYPE).ifPresent(type -> followUp(listing, type,
                    "同时列入" + bigDataWarningDomains + "个以上重点领域重点关注名单 (R14)"));
        }
    }

    private void exit(Listing listing, ExitReason reason, LocalDate date, String note) {
        long before = listing.version();
        listing.exit(reason, date, note, clock.instant());
        save(listing, before, "EXITED", reason.name());
        events.exited(listing);
        log.info("listing {} exited: {} v{}", listing.id(), reason, listing.version());
        ExitRules.grayAfterExit(listing, catalog::current).ifPresent(gray -> followUp(listing, gray,
                "黑名单退出后转入重点关注名单 (R13, 001 §17): " + listing.listType().name()));
        purgeIfErroneous(listing);
    }

    /** A listing the rules create for the same subject (gray after black, big-data warning), confirmed at once. */
    private void followUp(Listing cause, ListTypeEntry type, String reason) {
        LocalDate start = cause.status() == ListingStatus.EXITED ? cause.exitDate() : today();
        LocalDate validUntil = type.defaultValidity() == null ? null
                : Validity.parse(type.defaultValidity()).lastDayFrom(start).orElse(null);
        Listing followUp = Listing.recorded(null, type, cause.subject(), reason, type.basis(), type.department(),
                start, validUntil, "follows " + cause.id(), List.of());
        listings.insert(followUp);
        listings.appendEvent(followUp, "RECORDED", clock.instant(), "follows " + cause.id());
        long before = followUp.version();
        followUp.confirm(clock.instant());
        save(followUp, before, "CONFIRMED", null);
        afterConfirmation(followUp);
    }

    private void purgeIfErroneous(Listing listing) {
        if (ExitRules.purgesPersonalData(listing)) {
            erasure.erase(listing.id());
            log.info("listing {} erroneous: personal data purged (R11)", listing.id());
        }
    }

    private void save(Listing listing, long before, String eventType, String detail) {
        listings.update(listing, before);
        listings.appendEvent(listing, eventType, clock.instant(), detail);
    }

    /**
     * The listing, with its subject locked for the rest of the transaction: the cross-checks (R4, R5, R14) read the
     * subject's other listings, so two transitions of one subject must not run side by side.
     */
    private Listing locked(UUID id) {
        Listing unlocked = listings.find(id).orElseThrow(() -> new ListingNotFoundException(id));
        listings.lockSubject(unlocked.subject().key());
        return listings.findForUpdate(id).orElseThrow(() -> new ListingNotFoundException(id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
