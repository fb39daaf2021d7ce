package io.creditloop.publication.board;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * R7: the public board's search, answered from this instance's {@link BoardSearchIndex}, page included: the index
 * holds each entry as the board shows it, so a search reads no row of the table (a whole USCC or ID number is looked
 * up by the table's index). The index is loaded in the background after start-up (until then searches go to the
 * table, same results) and kept in step with the board's revision log: by default every search first reads the
 * changes committed since the last one (one indexed query, usually empty; searches that arrive while one runs share
 * the next), so a search sees every write committed before it began, on any instance, exits included. A deployment
 * may set {@code max-staleness} to skip that query for searches that follow each other closely: then a search may be
 * that far behind other instances' writes, an entry that left the board through another instance included (this
 * instance's own writes are still seen at once; the validity window is always checked on the day). Every minute
 * anyway; when many entries have left, it is rebuilt in the background.
 * <p>
 * Memory: about 500-700 bytes of heap per published entry (the entry as shown, name, filters, posting lists), more
 * when reasons are long and all different; measured in docs/BENCHMARKS.md.
 */
@Component
public class BoardSearch {

    private static final Logger log = LoggerFactory.getLogger(BoardSearch.class);

    private final BoardEntries entries;
    private final BoardRevisions revisions;
    private final IdNumberKeys idNumberKeys;
    private final boolean enabled;
    private final long maxStalenessNanos;
    private final int countLimit;

    private volatile BoardSearchIndex index;
    private volatile boolean dirty = true;
    private volatile boolean rebuilding;
    /** When the last completed read of the revision log began ({@link System#nanoTime}). */
    private volatile long caughtUpFrom = System.nanoTime() - Long.MAX_VALUE / 2;
    private final ReentrantLock catchingUp = new ReentrantLock();
    private long revision;

    public BoardSearch(BoardEntries entries, BoardRevisions revisions, IdNumberKeys idNumberKeys,
                       @Value("${creditloop.publication.search.index-enabled:true}") boolean enabled,
                       @Value("${creditloop.publication.search.max-staleness:0s}") Duration maxStaleness,
                       @Value("${creditloop.publication.search.count-limit:1000}") int countLimit) {
        this.entries = entries;
        this.revisions = revisions;
        this.idNumberKeys = idNumberKeys;
        this.enabled = enabled;
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.countLimit = countLimit;
    }

    /** Entries on the board {@code today} that match, in the board's order. */
    public Page<BoardEntry> search(BoardQuery query, LocalDate today) {
        BoardSearchIndex current = index;
        if (current == null) {
            return entries.search(query, today);
        }
        long arrived = System.nanoTime();
        catchUpSince(dirty ? arrived : arrived - maxStalenessNanos);
        current = index;
        String text = query.text();
        List<UUID> exact = List.of();
        if (text != null && (text.length() == 18 || IdNumberKeys.looksLikeIdNumber(text))) {
            exact = revisions.listingsWithCode(text.toUpperCase(Locale.ROOT),
                    IdNumberKeys.looksLikeIdNumber(text) ? idNumberKeys.of(text) : null);
        }
        BoardSearchIndex.Criteria criteria = new BoardSearchIndex.Criteria(text, exact, query.kind(),
                query.listType(), query.department(), query.from(), query.to());
        BoardSearchIndex.Result found = current.search(criteria, today, (long) query.page() * query.size(),
                query.size(), countLimit);
        return new Page<>(found.entries(), query.page(), query.size(), found.total(), found.totalExact());
    }

    /** Whether searches are answered by the index (it has been loaded). */
    boolean indexed() {
        return index != null;
    }

    @TransactionalEventListener
    void written(BoardWritten written) {
        dirty = true;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled) {
            rebuildInBackground();
        } else {
            log.info("board search index disabled: searches read the table");
        }
    }

    /** Brings the index in step with the revision log (and rebuilds it when many entries have left). */
    @Scheduled(initialDelayString = "${creditloop.publication.search.catch-up-interval:60s}",
            fixedDelayString = "${creditloop.publication.search.catch-up-interval:60s}")
    void keepUp() {
        if (index != null) {
            catchUpSince(System.nanoTime());
        }
        revisions.pruneRemovals(Duration.ofDays(1));
    }

    /**
     * Brings the index up to a read of the revision log that began at or after {@code since} (a {@link System#nanoTime}
     * value). Searches that arrive while a read is running wait for the next one, and one read then serves them all:
     * under load, catch-up costs one query per batch of searches, not one per search.
     */
    private void catchUpSince(long since) {
        if (caughtUpFrom - since >= 0) {
            return;
        }
        catchingUp.lock();
        try {
            BoardSearchIndex current = index;
            if (current == null || caughtUpFrom - since >= 0) {
                return;
            }
            long began = System.nanoTime();
            dirty = false;
            revision = revisions.changesSince(revision, change -> {
                if (change.entry() == null) {
                    current.remove(change.listingId());
                } else {
                    current.put(change.entry());
                }
            });
            caughtUpFrom = began;
            if (current.removed() > Math.max(10_000, current.size() / 4)) {
                rebuildInBackground();
            }
        } finally {
            catchingUp.unlock();
        }
    }

    private void rebuildInBackground() {
        if (rebuilding) {
            return;
        }
        rebuilding = true;
        Thread loader = new Thread(() -> {
            try {
                long started = System.nanoTime();
                BoardSearchIndex built = new BoardSearchIndex();
                long at = revisions.load(built::put);
                catchingUp.lock();
                try {
                    index = built;
                    revision = at;
                    caughtUpFrom = System.nanoTime() - Long.MAX_VALUE / 2;
                } finally {
                    catchingUp.unlock();
                }
                log.info("board search index: {} entries at revision {}, built in {} ms", built.size(), at,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("board search index not built; searches keep reading {}", index == null
                        ? "the table" : "the previous index", e);
            } finally {
                rebuilding = false;
            }
        }, "board-search-index");
        loader.setDaemon(true);
        loader.start();
    }
}
