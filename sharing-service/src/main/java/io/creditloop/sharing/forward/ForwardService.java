package io.creditloop.sharing.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingEvent;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.sharing.v1.ForwardAction;
import io.creditloop.contracts.sharing.v1.ForwardAtRisk;
import io.creditloop.contracts.sharing.v1.ForwardDelivered;
import io.creditloop.contracts.sharing.v1.ForwardOverdue;
import io.creditloop.contracts.sharing.v1.ForwardRejected;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.messaging.CurrentRequestId;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.ListingVersions;
import io.creditloop.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * R6: records one forward per listing change and platform, due N working days after the change, and records what
 * each delivery attempt came to, with its event on {@link Topics#SHARING_EVENTS} in the same transaction.
 */
@Service
public class ForwardService {

    static final String SOURCE = "/sharing-service";
    /** The listing versions this service has forwarded; an older or repeated version is not forwarded again. */
    static final String LISTING_VERSIONS = "sharing.listing";
    private static final Logger log = LoggerFactory.getLogger(ForwardService.class);

    private final Forwards forwards;
    private final io.creditloop.sharing.erasure.ErroneousListingErasure erasure;
    private final Outbox outbox;
    private final ForwardDeadline deadlines;
    private final DepartmentNotices notices;
    private final SharingProperties properties;
    private final EventCodec codec;
    private final Clock clock;
    private final AppliedVersions versions;
    private final io.micrometer.core.instrument.Counter calendarGaps;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public ForwardService(Forwards forwards, Outbox outbox, ForwardDeadline deadlines, DepartmentNotices notices,
                          SharingProperties properties, EventCodec codec, Clock clock, AppliedVersions versions,
                          io.micrometer.core.instrument.MeterRegistry meters,
                          io.creditloop.sharing.erasure.ErroneousListingErasure erasure) {
        this.erasure = erasure;
        this.versions = versions;
        this.meters = meters;
        this.calendarGaps = meters.counter("creditloop.sharing.calendar.missing");
        this.forwards = forwards;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.notices = notices;
        this.properties = properties;
        this.codec = codec;
        this.clock = clock;
    }

    /** R6: due N working days after recognition (001 §9, 002 §3(二), 004 §4(二)). */
    @Transactional
    public void listingConfirmed(ListingConfirmed confirmed) {
        if (stale(confirmed.listingId(), confirmed.version())) {
            return;
        }
        record(confirmed.listingId(), confirmed.version(), ForwardAction.LISTING, confirmed.recognitionDate(),
                department(confirmed.recognisingDepartment(), confirmed.listType()), confirmed);
    }

    /**
     * The listing events of one poll, in order (issue 9): versions checked in one go, the forwards of each run of
     * confirmed listings recorded as one batch, corrections and exits applied one at a time in their place.
     */
    @Transactional
    public void applyAll(List<Object> events) {
        List<Forward> confirmedRun = new ArrayList<>();
        for (ListingEvent event : ListingVersions.fresh(versions, LISTING_VERSIONS, events)) {
            if (event instanceof ListingConfirmed confirmed) {
                confirmedRun.addAll(forwards(confirmed.listingId(), confirmed.version(), ForwardAction.LISTING,
                        confirmed.recognitionDate(),
                        department(confirmed.recognisingDepartment(), confirmed.listType()), confirmed));
            } else {
                recordAll(confirmedRun);
                if (event instanceof ListingCorrected corrected) {
                    recordCorrected(corrected);
                } else if (event instanceof ListingExited exited) {
                    recordExited(exited);
                }
            }
        }
        recordAll(confirmedRun);
    }

    private void recordAll(List<Forward> run) {
        if (run.isEmpty()) {
            return;
        }
        boolean[] recorded = forwards.insertAll(run);
        int n = 0;
        for (int i = 0; i < recorded.length; i++) {
            if (recorded[i]) {
                Forward f = run.get(i);
                log.debug("forward {} ({} of listing {} v{}) to {} due {}", f.forwardId(), f.action(), f.listingId(),
                        f.listingVersion(), f.platform(), f.dueDate());
                n++;
            }
        }
        log.info("{} forwards recorded in one batch", n);
        run.clear();
    }


    /** R6: due N working days after the exit, "and of revocation" (004 §8(四)3). */
    @Transactional
    public void listingExited(ListingExited exited) {
        if (stale(exited.listingId(), exited.version())) {
            return;
        }
        recordExited(exited);
    }

    private void recordExited(ListingExited exited) {
        if (exited.exitReason() == ExitReason.ERRONEOUS) {
            // R11: what has not gone out never will; the exit itself still tells each platform to delete the record
            erasure.markErroneous(exited.listingId());
            int cancelled = forwards.cancelPendingBefore(exited.listingId(), exited.version());
            log.info("listing {} erroneous: {} pending forward(s) cancelled", exited.listingId(), cancelled);
        }
        record(exited.listingId(), exited.version(), ForwardAction.EXIT, exited.exitDate(),
                department(exited.recognisingDepartment(), exited.listType()), exited);
        erasure.forwards(exited.listingId());
    }

    /** R10/R11: a corrected record is forwarded like a new one, counted from the day of the correction. */
    @Transactional
    public void listingCorrected(ListingCorrected corrected) {
        if (stale(corrected.listingId(), corrected.version())) {
            return;
        }
        recordCorrected(corrected);
    }

    private void recordCorrected(ListingCorrected corrected) {
        record(corrected.listingId(), corrected.version(), ForwardAction.CORRECTION,
                LocalDate.ofInstant(corrected.correctedAt(), clock.getZone()),
                department(corrected.recognisingDepartment(), corrected.listType()), corrected);
    }

    private static String department(String recognising, io.creditloop.contracts.listing.v1.ListType listType) {
        if (recognising != null && !recognising.isBlank()) {
            return recognising;
        }
        return listType == null ? null : listType.department();
    }

    private boolean stale(UUID listingId, long version) {
        if (versions.advance(LISTING_VERSIONS, listingId.toString(), version)) {
            return false;
        }
        log.info("listing {} v{} is not newer than the version forwarded; ignored", listingId, version);
        return true;
    }

    @Transactional(readOnly = true)
    public List<Forward> forwardsOf(UUID listingId) {
        return forwards.findByListing(listingId);
    }

    public ForwardDeadline deadlines() {
        return deadlines;
    }

    /** Stores one attempt's outcome; a forward that is no longer pending (another instance finished it) is left alone. */
    @Transactional
    public void recordOutcome(UUID forwardId, DeliveryOutcome outcome) {
        record(Map.of(forwardId, outcome));
    }

    /**
     * {@link #recordOutcome} for the attempts of one platform call, in one transaction (issue 9: one commit per batch
     * instead of one per forward). If it fails, nothing of it is kept and the caller records them one at a time.
     */
    @Transactional
    public void recordOutcomes(Map<UUID, DeliveryOutcome> outcomes) {
        record(outcomes);
    }

    /**
     * Issue 9, set-based: the call's forwards locked in one statement, their results written in one, their events
     * appended in one, each event in the name of the request its forward was recorded for.
     */
    private void record(Map<UUID, DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Map<UUID, Forward> locked = forwards.lockAll(outcomes.keySet());
        Instant now = clock.instant();
        List<UUID> landed = new ArrayList<>();
        List<Forwards.Attempt> attempts = new ArrayList<>();
        List<DepartmentNotice> notices = new ArrayList<>();
        List<Outbox.Message> events = new ArrayList<>();
        Set<UUID> finished = new LinkedHashSet<>();
        outcomes.forEach((forwardId, outcome) -> {
            Forward forward = locked.get(forwardId);
            if (forward == null) {
                throw new IllegalStateException("no forward " + forwardId);
            }
            // the outcome's event and log carry the request id the forward was recorded for (a scheduler's has none)
            try (CurrentRequestId.Scope request = CurrentRequestId.open(forward.requestId())) {
                if (!forward.pending() || outcome instanceof DeliveryOutcome.Deferred) {
                    landed.add(forwardId);
                    if (forward.state() == ForwardState.CANCELLED && outcome instanceof DeliveryOutcome.Delivered d) {
                        // R11: cancelled while its call was in flight; the platform has it, and the exit (claimed
                        // only now) tells it to delete the record
                        log.warn("forward {} ({} of listing {} v{}) was cancelled while in flight and reached {} "
                                + "anyway ({}); the listing's exit follows it", forwardId, forward.action(),
                                forward.listingId(), forward.listingVersion(), forward.platform(), d.acknowledgement());
                    }
                    return;
                }
                if (outcome instanceof DeliveryOutcome.Delivered delivered) {
                    Forward done = forward.delivered(delivered.acknowledgement(), now);
                    attempts.add(new Forwards.Attempt(done, null));
                    events.add(message(done, EventTypes.FORWARD_DELIVERED, now, new ForwardDelivered(done.forwardId(),
                            done.listingId(), done.listingVersion(), done.platform(), done.action(), done.dueDate(), now,
                            done.acknowledgement())).forRequest(forward.requestId()));
                    finished.add(done.listingId());
                    log.info("forward {} ({} of listing {} v{}) delivered to {} as {} after {} attempt(s)",
                            done.forwardId(), done.action(), done.listingId(), done.listingVersion(), done.platform(),
                            done.acknowledgement(), done.attempts());
                } else if (outcome instanceof DeliveryOutcome.Rejected rejected) {
                    Forward done = forward.rejected(rejected.reason(), now);
                    attempts.add(new Forwards.Attempt(done, null));
                    // R6: the recognising department answers for the record and is told, in the same transaction
                    DepartmentNotice notice = DepartmentNotice.of(done, now);
                    notices.add(notice);
                    events.add(message(done, EventTypes.FORWARD_REJECTED, now, new ForwardRejected(done.forwardId(),
                            done.listingId(), done.listingVersion(), done.platform(), done.action(), done.dueDate(), now,
                            done.rejectionReason(), notice.department())).forRequest(forward.requestId()));
                    finished.add(done.listingId());
                    log.warn("forward {} ({} of listing {} v{}) rejected by {}: {}; department {} told",
                            done.forwardId(), done.action(), done.listingId(), done.listingVersion(), done.platform(),
                            done.rejectionReason(), notice.department());
                } else if (outcome instanceof DeliveryOutcome.Failed failed) {
                    Forward retry = forward.failed(failed.error());
                    attempts.add(new Forwards.Attempt(retry, now.plus(properties.backoffAfter(retry.attempts()))));
                    log.warn("forward {} to {} failed (attempt {}), will retry: {}", retry.forwardId(),
                            retry.platform(), retry.attempts(), retry.lastError());
                }
            }
        });
        forwards.landedAll(landed);
        forwards.updateAll(attempts, now);
        notices.forEach(this.notices::insert);
        if (!events.isEmpty()) {
            outbox.appendAll(events); // issue 9: the call's events in one write, each with its own request id
        }
        // R11: a final forward of an erroneous listing keeps no record; after its event, so the outbox row is erased too
        erasure.forwardsOf(finished);
    }

    /**
     * R6: raises {@code sharing.forward.overdue.v1} and {@code sharing.forward.at-risk.v1}, once per forward, for up to
     * {@code limit} pending forwards each; the forwards are locked with SKIP LOCKED, so several instances share the
     * work. Returns how many alarms were raised.
     */
    @Transactional
    public int raiseDeadlineAlarms(int limit) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Outbox.Message> alarms = new ArrayList<>();
        // issue 9: each kind marked in one statement that picks, locks and writes each forward once
        List<Forward> overdue = forwards.raiseOverdue(today, now, limit);
        for (Forward f : overdue) {
            alarms.add(message(f, EventTypes.FORWARD_OVERDUE, now, new ForwardOverdue(f.forwardId(), f.listingId(),
                    f.listingVersion(), f.platform(), f.action(), f.department(), f.dueDate(), f.attempts(),
                    f.lastError(), now)));
            log.error("ALARM: forward {} ({} of listing {} v{}) to {} is overdue: due {}, {} attempt(s), last error: {}",
                    f.forwardId(), f.action(), f.listingId(), f.listingVersion(), f.platform(), f.dueDate(),
                    f.attempts(), f.lastError());
        }
        List<Forward> atRisk = forwards.raiseAtRisk(today, deadlines.atRiskHorizon(today), now, limit);
        for (Forward f : atRisk) {
            alarms.add(message(f, EventTypes.FORWARD_AT_RISK, now, new ForwardAtRisk(f.forwardId(), f.listingId(),
                    f.listingVersion(), f.platform(), f.action(), f.department(), f.dueDate(),
                    deadlines.workingDaysLeft(today, f.dueDate()), f.attempts(), f.lastError(), now)));
            log.warn("forward {} ({} of listing {} v{}) to {} is at risk: due {}, {} attempt(s)", f.forwardId(),
                    f.action(), f.listingId(), f.listingVersion(), f.platform(), f.dueDate(), f.attempts());
        }
        if (!alarms.isEmpty()) {
            outbox.appendAll(alarms); // issue 9: one COPY for the round's alarms, in the order raised
        }
        meters.counter("creditloop.sharing.deadline.alarms", "status", "overdue").increment(overdue.size());
        meters.counter("creditloop.sharing.deadline.alarms", "status", "at-risk").increment(atRisk.size());
        return Math.max(overdue.size(), atRisk.size());
    }

    /** The listing change's forward to each platform, not yet recorded. */
    private List<Forward> forwards(UUID listingId, long version, ForwardAction action, LocalDate from,
                                   String department, Object listingRecord) {
        String payload = payload(new Payload(action, listingId, version, listingRecord));
        Instant now = clock.instant();
        List<Forward> list = new ArrayList<>(properties.platforms().size());
        for (SharingProperties.Platform platform : properties.platforms()) {
            list.add(Forward.pending(UUID.randomUUID(), listingId, version, platform.code(), action, payload,
                    dueDate(from, platform), now, department));
        }
        return list;
    }

    private void record(UUID listingId, long version, ForwardAction action, LocalDate from, String department,
                        Object listingRecord) {
        for (Forward forward : forwards(listingId, version, action, from, department, listingRecord)) {
            if (forwards.insert(forward)) {
                log.info("forward {} ({} of listing {} v{}) to {} due {}", forward.forwardId(), action, listingId,
                        version, forward.platform(), forward.dueDate());
            }
        }
    }

    /**
     * N working days after {@code from}; empty when the calendar has no data for the year the deadline falls in.
     * The forward is still recorded and sent, and the gap raises an alarm (log + metric) rather than a guess.
     */
    private LocalDate dueDate(LocalDate from, SharingProperties.Platform platform) {
        return deadlines.dueDate(from, platform.deadlineWorkingDays()).orElseGet(() -> {
            calendarGaps.increment();
            log.error("ALARM: no working-day calendar for the deadline {} working days after {}: the forward to {} is "
                    + "recorded without a due date; add that year's holiday file (CALENDAR_DIR) and restart",
                    platform.deadlineWorkingDays(), from, platform.code());
            return null;
        });
    }

    /** The body every platform receives: what happened, to which listing version, and the listing record itself. */
    private record Payload(ForwardAction action, UUID listingId, long listingVersion, Object record) {
    }

    private String payload(Payload payload) {
        try {
            return codec.objectMapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the forward of listing " + payload.listingId(), e);
        }
    }

    private static Outbox.Message message(Forward forward, String type, Instant at, Object data) {
        String key = forward.listingId().toString();
        return new Outbox.Message(Topics.SHARING_EVENTS, key, Envelope.of(SOURCE, type, at, key, data));
    }
}
