package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingEvent;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.contracts.repair.v1.DecisionMade;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.messaging.ListingVersions;
import io.creditloop.publication.erasure.ErroneousListingErasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The board's use cases. Listing events are applied in the caller's (the inbox's) transaction, each only if its
 * version is newer than the one this service applied, so duplicates and reordering change nothing. This is the
 * one place listing events are mapped onto board entries and announcements, and where the delta feed learns of
 * every change the public sees.
 */
@Service
public class BoardService {

    /** The {@link AppliedVersions} consumer of listing versions. */
    static final String LISTING_VERSIONS = "publication.listing";

    private static final Logger log = LoggerFactory.getLogger(BoardService.class);

    private final BoardEntries entries;
    private final ExitAnnouncements announcements;
    private final BoardChanges changes;
    private final AppliedVersions versions;
    private final IdNumberKeys idNumberKeys;
    private final PublicWindow window;
    private final Clock clock;
    private final BoardSearch search;
    private final ErroneousListingErasure erasure;
    private final Rectifications rectifications;

    public BoardService(BoardEntries entries, ExitAnnouncements announcements, BoardChanges changes,
                        AppliedVersions versions, IdNumberKeys idNumberKeys, PublicWindow window, Clock clock,
                        BoardSearch search, ErroneousListingErasure erasure, Rectifications rectifications) {
        this.erasure = erasure;
        this.rectifications = rectifications;
        this.entries = entries;
        this.search = search;
        this.announcements = announcements;
        this.changes = changes;
        this.versions = versions;
        this.idNumberKeys = idNumberKeys;
        this.window = window;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void confirmed(ListingConfirmed event) {
        if (isNew(event.listingId(), event.version())) {
            publish(event.listingId(), event.version(), event.listType(), event.subject(), event.reason(),
                    event.recognisingDepartment(), event.basis(), event.recognitionDate(), event.validFrom(),
                    event.validUntil());
        }
    }

    /** R10, R11: a corrected record replaces the entry; the subject is masked afresh. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void corrected(ListingCorrected event) {
        if (isNew(event.listingId(), event.version())) {
            publish(event.listingId(), event.version(), event.listType(), event.subject(), event.reason(),
                    event.recognisingDepartment(), event.basis(), event.recognitionDate(), event.validFrom(),
                    event.validUntil());
        }
    }

    /**
     * The listing events of one poll, in order (issue 9): versions checked in one go; each run of confirmed and
     * corrected listings (of different listings) published together ({@link #publishAll}); exits applied one at a
     * time in their place. The board and its delta feed end as handling them one by one would leave them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyAll(List<Object> events) {
        List<ListingRecord> run = new ArrayList<>();
        Set<UUID> inRun = new HashSet<>();
        for (ListingEvent event : ListingVersions.fresh(versions, LISTING_VERSIONS, events)) {
            ListingRecord record = event instanceof ListingConfirmed e
                    ? new ListingRecord(e.listingId(), e.version(), e.listType(), e.subject(), e.reason(),
                    e.recognisingDepartment(), e.basis(), e.recognitionDate(), e.validFrom(), e.validUntil())
                    : event instanceof ListingCorrected e
                    ? new ListingRecord(e.listingId(), e.version(), e.listType(), e.subject(), e.reason(),
                    e.recognisingDepartment(), e.basis(), e.recognitionDate(), e.validFrom(), e.validUntil())
                    : null;
            if (record == null || !inRun.add(record.listingId())) {
                publishAll(run); // an exit, or a listing already in the run: what came before goes first
                inRun.clear();
            }
            if (record != null) {
                run.add(record);
                inRun.add(record.listingId());
            } else if (event instanceof ListingExited e) {
                applyExited(e);
            }
        }
        publishAll(run);
    }

    private record ListingRecord(UUID listingId, long version, ListType type, Subject subject, String reason,
                                 String department, String basis, LocalDate recognitionDate, LocalDate validFrom,
                                 LocalDate validUntil) {
    }

    /** {@link #publish} for listings that differ, with one statement per step for all of them. */
    private void publishAll(List<ListingRecord> run) {
        if (run.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = today();
        Map<UUID, String> notes = rectifications.notes(run.stream().map(ListingRecord::listingId).toList());
        List<BoardEntries.Save> saves = new ArrayList<>(run.size());
        Instant publishedAt = null;
        for (ListingRecord r : run) {
            // each entry later than the one before, as one by one: the board's order (and the search index, which
            // appends each new entry as the newest) is publication time first
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            publishedAt = publishedAt == null || at.isAfter(publishedAt) ? at : publishedAt.plus(1, ChronoUnit.MICROS);
            MaskedSubject subject = Masking.subject(r.subject());
            String idNumberKey = r.subject().type() == SubjectType.PERSON ? idNumberKeys.of(r.subject().idNumber())
                    : null;
            BoardEntry entry = new BoardEntry(r.listingId(), r.version(), r.type().kind(), r.type().code(),
                    r.type().name(), subject.type(), subject.name(), subject.uscc(), subject.maskedIdNumber(),
                    Masking.text(r.reason()), r.department(), Masking.text(r.basis()), r.recognitionDate(),
                    r.validFrom(), r.validUntil(), publishedAt, notes.get(r.listingId()));
            boolean published = published(r.type());
            saves.add(new BoardEntries.Save(entry, published, idNumberKey,
                    published && PublicWindow.shows(r.validFrom(), r.validUntil(), today)));
        }
        changes.lockForWriting();
        List<Optional<Boolean>> before = entries.saveAll(saves);
        Map<UUID, BoardEntry> stored = entries.findAllOnBoard(saves.stream().filter(BoardEntries.Save::listed)
                .map(s -> s.entry().listingId()).toList(), today);
        // the feed in the order of the events, as one by one: a replaced entry keeps its first publication time
        List<BoardEntry> publishedRun = new ArrayList<>();
        for (int i = 0; i < saves.size(); i++) {
            BoardEntries.Save save = saves.get(i);
            UUID listingId = save.entry().listingId();
            if (save.listed()) {
                publishedRun.add(stored.getOrDefault(listingId, save.entry()));
            } else {
                changes.publishedAll(publishedRun, now);
                publishedRun.clear();
                if (before.get(i).orElse(false)) {
                    changes.removed(listingId, now);
                }
            }
            log.debug("listing {} v{} on the board ({} {}{})", listingId, save.entry().version(),
                    save.entry().listKind(), save.entry().listTypeCode(), save.listed() ? ""
                            : save.published() ? ", outside its validity today" : ", not published");
        }
        changes.publishedAll(publishedRun, now);
        log.info("{} listings written to the board", run.size());
        run.clear();
    }

    /**
     * R13: the entry leaves the board and an exit announcement follows (001 §19; 004 §6(三)), with the exit's note
     * (after a repair, the rectification noted: R12). R11: an erroneous listing leaves no announcement naming the
     * subject (001 §19): the delta feed gets a bare tombstone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void exited(ListingExited event) {
        if (isNew(event.listingId(), event.version())) {
            applyExited(event);
        }
    }

    private void applyExited(ListingExited event) {
        Instant now = clock.instant();
        changes.lockForWriting();
        if (entries.delete(event.listingId())) {
            changes.removed(event.listingId(), now);
        }
        if (event.exitReason() == ExitReason.ERRONEOUS) {
            erasure.erase(event.listingId()); // R11: nothing of it stays, the REMOVED tombstone aside
        }
        if (event.exitReason() == ExitReason.ERRONEOUS || !published(event.listType())) {
            log.info("listing {} v{} exited ({}): removed from the board without announcement", event.listingId(),
                    event.version(), event.exitReason());
            return;
        }
        MaskedSubject subject = Masking.subject(event.subject());
        ListType type = event.listType();
        ExitAnnouncement announcement = new ExitAnnouncement(event.listingId(), type.kind(), type.code(), type.name(),
                subject.type(), subject.name(), subject.uscc(), subject.maskedIdNumber(),
                event.recognisingDepartment(), event.exitReason(), event.exitDate(), Masking.text(event.note()), now);
        announcements.add(announcement);
        changes.announced(announcement, now);
        log.info("listing {} v{} exited ({}): removed from the board and announced", event.listingId(),
                event.version(), event.exitReason());
    }

    /**
     * R12 (b): a credit repair carried out as "rectification noted" (repair-service's decision): the entry shows the
     * rectification for the rest of its validity, and the delta feed republishes it. Other decisions are applied by
     * identification and reach the board as listing events. A decision before its listing is kept for it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decisionMade(DecisionMade decision) {
        if (decision.kind() != DecisionKind.RECTIFICATION_NOTED) {
            return;
        }
        String note = "已完成信用修复（" + LocalDate.ofInstant(decision.decidedAt(), clock.getZone()) + "）"
                + (decision.note() == null || decision.note().isBlank() ? "" : "：" + Masking.text(decision.note().strip()));
        Instant now = clock.instant();
        changes.lockForWriting();
        if (!rectifications.add(decision.listingId(), decision.decisionId(), note, now)) {
            return;
        }
        entries.noteRectification(decision.listingId(), note).ifPresent(entry -> changes.published(entry, now));
        log.info("listing {}: rectification noted on the board (R12)", decision.listingId());
    }

    /**
     * R7: brings the delta feed in step with the validity windows: entries whose validity has begun are announced as
     * published, those whose validity has ended as removed. The board itself needs no sweep (it is computed on read
     * against the clock); mirrors do. Safe to run on several instances at once.
     */
    @Transactional
    public int sweepWindows() {
        LocalDate today = today();
        Instant now = clock.instant();
        changes.lockForWriting();
        List<BoardEntry> started = entries.startListing(today);
        started.forEach(entry -> changes.published(entry, now));
        List<UUID> ended = entries.stopListing(today);
        ended.forEach(listingId -> changes.removed(listingId, now));
        if (!started.isEmpty() || !ended.isEmpty()) {
            log.info("publication windows on {}: {} started, {} ended", today, started.size(), ended.size());
        }
        return started.size() + ended.size();
    }

    /** No transaction: the search index needs no connection, and its reads are single statements. */
    public Page<BoardEntry> board(BoardQuery query) {
        return search.search(query, today());
    }

    /** Every entry on the board that matches, in the board's order (exports). */
    @Transactional(readOnly = true)
    public void export(BoardQuery query, Consumer<BoardEntry> sink) {
        entries.forEach(query, today(), sink);
    }

    @Transactional(readOnly = true)
    public Optional<BoardEntry> entry(UUID listingId) {
        return entries.findOnBoard(listingId, today());
    }

    /** R13: the exit announcements public today. */
    @Transactional(readOnly = true)
    public Page<ExitAnnouncement> announcements(int page, int size) {
        LocalDate today = today();
        return announcements.page(window.oldestAnnouncedExit(today), today, page, size);
    }

    /** The delta feed: up to {@code limit} changes after {@code cursor}, oldest first. */
    @Transactional(readOnly = true)
    public List<BoardChange> changesAfter(long cursor, int limit) {
        return changes.after(cursor, limit);
    }

    /** The newest {@code limit} changes, newest first (the Atom feed). */
    @Transactional(readOnly = true)
    public List<BoardChange> latestChanges(int limit) {
        return changes.latest(limit);
    }

    /**
     * R7: red and black listings are published for their validity; gray listings selectively (001 §15;
     * 004 §4(三)), as their catalog entry says — carried on the event as {@link ListType#published()}. The decision
     * is stored with each entry and the board shows only published entries.
     */
    static boolean published(ListType type) {
        return type.publiclyListed();
    }

    private boolean isNew(UUID listingId, long version) {
        boolean fresh = versions.advance(LISTING_VERSIONS, listingId.toString(), version);
        if (!fresh) {
            log.info("listing {} v{} is not newer than the version applied: ignored", listingId, version);
        }
        return fresh;
    }

    private void publish(UUID listingId, long version, ListType type, Subject rawSubject, String reason,
                         String department, String basis, LocalDate recognitionDate, LocalDate validFrom,
                         LocalDate validUntil) {
        MaskedSubject subject = Masking.subject(rawSubject);
        String idNumberKey = rawSubject.type() == SubjectType.PERSON ? idNumberKeys.of(rawSubject.idNumber()) : null;
        Instant now = clock.instant();
        BoardEntry entry = new BoardEntry(listingId, version, type.kind(), type.code(), type.name(), subject.type(),
                subject.name(), subject.uscc(), subject.maskedIdNumber(), Masking.text(reason), department,
                Masking.text(basis), recognitionDate, validFrom, validUntil, now,
                rectifications.note(listingId).orElse(null));
        boolean published = published(type);
        boolean listed = published && PublicWindow.shows(validFrom, validUntil, today());
        changes.lockForWriting();
        boolean wasListed = entries.save(entry, published, idNumberKey, listed).orElse(false);
        if (listed) {
            // a replaced entry keeps its first publication time: the feed carries the stored row
            changes.published(entries.findOnBoard(listingId, today()).orElse(entry), now);
        } else if (wasListed) {
            changes.removed(listingId, now);
        }
        log.info("listing {} v{} on the board ({} {}{})", listingId, version, type.kind(), type.code(),
                listed ? "" : published ? ", outside its validity today" : ", not published");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
