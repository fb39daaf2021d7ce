package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.messaging.AppliedVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The board's use cases. Listing events are applied in the caller's (the inbox's) transaction, each only if its
 * version is newer than the one this service applied, so duplicates and reordering change nothing. This is the
 * one place listing events are mapped onto board entries and announcements.
 */
@Service
public class BoardService {

    /** The {@link AppliedVersions} consumer of listing versions. */
    static final String LISTING_VERSIONS = "publication.listing";

    private static final Logger log = LoggerFactory.getLogger(BoardService.class);

    private final BoardEntries entries;
    private final ExitAnnouncements announcements;
    private final AppliedVersions versions;
    private final Clock clock;

    public BoardService(BoardEntries entries, ExitAnnouncements announcements, AppliedVersions versions,
                        Clock clock) {
        this.entries = entries;
        this.announcements = announcements;
        this.versions = versions;
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
     * R13: the entry leaves the board and an exit announcement follows (001 §19; 004 §6(三)). R11: an erroneous
     * listing leaves no announcement naming the subject (001 §19).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void exited(ListingExited event) {
        if (!isNew(event.listingId(), event.version())) {
            return;
        }
        entries.delete(event.listingId());
        if (event.exitReason() == ExitReason.ERRONEOUS || !published(event.listType())) {
            log.info("listing {} v{} exited ({}): removed from the board without announcement", event.listingId(),
                    event.version(), event.exitReason());
            return;
        }
        MaskedSubject subject = Masking.subject(event.subject());
        ListType type = event.listType();
        announcements.add(new ExitAnnouncement(event.listingId(), type.kind(), type.code(), type.name(),
                subject.type(), subject.name(), subject.uscc(), subject.maskedIdNumber(),
                event.recognisingDepartment(), event.exitReason(), event.exitDate(), clock.instant()));
        log.info("listing {} v{} exited ({}): removed from the board and announced", event.listingId(),
                event.version(), event.exitReason());
    }

    @Transactional(readOnly = true)
    public Page<BoardEntry> board(BoardQuery query) {
        return entries.search(query, today());
    }

    @Transactional(readOnly = true)
    public Optional<BoardEntry> entry(UUID listingId) {
        return entries.findOnBoard(listingId, today());
    }

    @Transactional(readOnly = true)
    public Page<ExitAnnouncement> announcements(int page, int size) {
        return announcements.page(page, size);
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
        entries.save(new BoardEntry(listingId, version, type.kind(), type.code(), type.name(), subject.type(),
                subject.name(), subject.uscc(), subject.maskedIdNumber(), reason, department, basis,
                recognitionDate, validFrom, validUntil, clock.instant()), published(type));
        log.info("listing {} v{} on the board ({} {})", listingId, version, type.kind(), type.code());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
