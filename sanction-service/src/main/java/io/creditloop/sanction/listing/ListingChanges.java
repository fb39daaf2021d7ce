package io.creditloop.sanction.listing;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingEvent;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.messaging.ListingVersions;
import io.creditloop.messaging.Outbox;
import io.creditloop.sanction.erasure.ErroneousListingErasure;
import io.creditloop.sanction.task.ListingInForce;
import io.creditloop.sanction.task.TaskService;
import io.creditloop.sanction.watch.WatchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a listing change means for the loop and the watch lists, applied only if its version is newer than the one
 * applied for that listing: a duplicate or an event overtaken by a later one (reordering is normal on Kafka) changes
 * nothing. Tasks, watch notices and the version commit together, in the listing event's inbox transaction.
 * <ul>
 *   <li>confirmed: one task per measure (R8, R9); watching agencies are told (003 §18)</li>
 *   <li>corrected: the tasks under the old record are lifted and the corrected record starts its own (R10/R11)</li>
 *   <li>exited, including supersession (exit REVOKED): every task in force is lifted (R13); an erroneous exit then
 *       erases the tasks' subject data (R11)</li>
 * </ul>
 */
@Service
public class ListingChanges {

    /** The version guard's consumer name: one applied version per listing for this service. */
    static final String LISTING_VERSIONS = "sanction.listing";

    private static final Logger log = LoggerFactory.getLogger(ListingChanges.class);

    private final AppliedVersions versions;
    private final TaskService tasks;
    private final WatchService watch;
    private final ErroneousListingErasure erasure;
    private final Outbox outbox;

    public ListingChanges(AppliedVersions versions, TaskService tasks, WatchService watch,
                          ErroneousListingErasure erasure, Outbox outbox) {
        this.erasure = erasure;
        this.outbox = outbox;
        this.versions = versions;
        this.tasks = tasks;
        this.watch = watch;
    }

    @Transactional
    public void confirmed(ListingConfirmed event) {
        if (isNewVersion(event.listingId(), event.version(), "confirmed")) {
            tasks.initiate(ListingInForce.of(event));
            watch.listed(event);
        }
    }

    @Transactional
    public void corrected(ListingCorrected event) {
        if (isNewVersion(event.listingId(), event.version(), "corrected")) {
            applyCorrected(event);
        }
    }

    private void applyCorrected(ListingCorrected event) {
        tasks.supersede(ListingInForce.of(event));
        watch.corrected(event);
    }

    @Transactional
    public void exited(ListingExited event) {
        if (isNewVersion(event.listingId(), event.version(), "exited")) {
            applyExited(event);
        }
    }

    private void applyExited(ListingExited event) {
        String reason = event.exitReason() == null ? "listing exited" : "listing exited: " + event.exitReason();
        tasks.lift(event.listingId(), reason);
        watch.exited(event);
        if (event.exitReason() == ExitReason.ERRONEOUS) {
            erasure.tasks(event.listingId()); // R11, after the lift went into the outbox
        }
    }

    /**
     * The listing events of one poll, in order (issue 9): their versions checked in one go, and each run of confirmed
     * listings initiated together ({@link TaskService#initiateAll}) with their task events and watch notices appended
     * in one {@code COPY}, in the order handling them one by one would append them. Corrections and exits are applied
     * one at a time, in their place.
     */
    @Transactional
    public void applyAll(List<Object> events) {
        List<ListingConfirmed> confirmed = new ArrayList<>();
        for (ListingEvent event : ListingVersions.fresh(versions, LISTING_VERSIONS, events)) {
            if (event instanceof ListingConfirmed c) {
                confirmed.add(c);
            } else {
                initiateAll(confirmed);
                if (event instanceof ListingCorrected c) {
                    applyCorrected(c);
                } else if (event instanceof ListingExited e) {
                    applyExited(e);
                }
            }
        }
        initiateAll(confirmed);
    }

    private void initiateAll(List<ListingConfirmed> confirmed) {
        if (confirmed.isEmpty()) {
            return;
        }
        List<List<Outbox.Message>> tasksOf = tasks.initiateAll(confirmed.stream().map(ListingInForce::of).toList());
        List<List<Outbox.Message>> noticesOf = watch.listedAll(confirmed);
        List<Outbox.Message> messages = new ArrayList<>();
        for (int i = 0; i < confirmed.size(); i++) {
            messages.addAll(tasksOf.get(i));
            messages.addAll(noticesOf.get(i));
        }
        if (!messages.isEmpty()) {
            outbox.appendAll(messages);
        }
        confirmed.clear();
    }

    private boolean isNewVersion(UUID listingId, long version, String what) {
        if (versions.advance(LISTING_VERSIONS, listingId.toString(), version)) {
            return true;
        }
        log.info("listing {} {} v{} is not newer than the version applied; ignored", listingId, what, version);
        return false;
    }
}
