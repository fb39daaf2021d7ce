package io.creditloop.sharing.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.sharing.v1.ForwardAction;
import io.creditloop.contracts.sharing.v1.ForwardDelivered;
import io.creditloop.contracts.sharing.v1.ForwardRejected;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.messaging.EventCodec;
import io.creditloop.messaging.Outbox;
import io.creditloop.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
    private final Outbox outbox;
    private final WorkingDayCalendar calendar;
    private final SharingProperties properties;
    private final EventCodec codec;
    private final Clock clock;
    private final AppliedVersions versions;
    private final io.micrometer.core.instrument.Counter calendarGaps;

    public ForwardService(Forwards forwards, Outbox outbox, WorkingDayCalendar calendar, SharingProperties properties,
                          EventCodec codec, Clock clock, AppliedVersions versions,
                          io.micrometer.core.instrument.MeterRegistry meters) {
        this.versions = versions;
        this.calendarGaps = meters.counter("creditloop.sharing.calendar.missing");
        this.forwards = forwards;
        this.outbox = outbox;
        this.calendar = calendar;
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
                confirmed);
    }

    /** R6: due N working days after the exit, "and of revocation" (004 §8(四)3). */
    @Transactional
    public void listingExited(ListingExited exited) {
        if (stale(exited.listingId(), exited.version())) {
            return;
        }
        if (exited.exitReason() == ExitReason.ERRONEOUS) {
            // R11: what has not gone out never will; the exit itself still tells each platform to delete the record
            forwards.markErroneous(exited.listingId());
            int cancelled = forwards.cancelPendingBefore(exited.listingId(), exited.version());
            log.info("listing {} erroneous: {} pending forward(s) cancelled", exited.listingId(), cancelled);
        }
        record(exited.listingId(), exited.version(), ForwardAction.EXIT, exited.exitDate(), exited);
        forwards.purgeFinalIfErroneous(exited.listingId());
    }

    /** R10/R11: a corrected record is forwarded like a new one, counted from the day of the correction. */
    @Transactional
    public void listingCorrected(ListingCorrected corrected) {
        if (stale(corrected.listingId(), corrected.version())) {
            return;
        }
        record(corrected.listingId(), corrected.version(), ForwardAction.CORRECTION,
                LocalDate.ofInstant(corrected.correctedAt(), clock.getZone()), corrected);
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

    /** Stores one attempt's outcome; a forward that is no longer pending (another instance finished it) is left alone. */
    @Transactional
    public void recordOutcome(UUID forwardId, DeliveryOutcome outcome) {
        Forward forward = forwards.lock(forwardId)
                .orElseThrow(() -> new IllegalStateException("no forward " + forwardId));
        if (!forward.pending()) {
            return;
        }
        Instant now = clock.instant();
        if (outcome instanceof DeliveryOutcome.Delivered delivered) {
            Forward done = forward.delivered(delivered.acknowledgement(), now);
            forwards.update(done, null, now);
            publish(done, EventTypes.FORWARD_DELIVERED, now, new ForwardDelivered(done.forwardId(), done.listingId(),
                    done.listingVersion(), done.platform(), done.action(), done.dueDate(), now,
                    done.acknowledgement()));
            log.info("forward {} ({} of listing {} v{}) delivered to {} as {} after {} attempt(s)",
                    done.forwardId(), done.action(), done.listingId(), done.listingVersion(), done.platform(),
                    done.acknowledgement(), done.attempts());
        } else if (outcome instanceof DeliveryOutcome.Rejected rejected) {
            Forward done = forward.rejected(rejected.reason(), now);
            forwards.update(done, null, now);
            publish(done, EventTypes.FORWARD_REJECTED, now, new ForwardRejected(done.forwardId(), done.listingId(),
                    done.listingVersion(), done.platform(), done.action(), done.dueDate(), now,
                    done.rejectionReason()));
            log.warn("forward {} ({} of listing {} v{}) rejected by {}: {}", done.forwardId(), done.action(),
                    done.listingId(), done.listingVersion(), done.platform(), done.rejectionReason());
        }
        if (!(outcome instanceof DeliveryOutcome.Failed)) {
            forwards.purgeFinalIfErroneous(forward.listingId());
        }
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            Forward retry = forward.failed(failed.error());
            forwards.update(retry, now.plus(properties.backoffAfter(retry.attempts())), now);
            log.warn("forward {} to {} failed (attempt {}), will retry: {}", retry.forwardId(), retry.platform(),
                    retry.attempts(), retry.lastError());
        }
    }

    private void record(UUID listingId, long version, ForwardAction action, LocalDate from, Object listingRecord) {
        String payload = payload(new Payload(action, listingId, version, listingRecord));
        Instant now = clock.instant();
        for (SharingProperties.Platform platform : properties.platforms()) {
            LocalDate due = dueDate(from, platform);
            Forward forward = Forward.pending(UUID.randomUUID(), listingId, version, platform.code(), action, payload,
                    due, now);
            if (forwards.insert(forward)) {
                log.info("forward {} ({} of listing {} v{}) to {} due {}", forward.forwardId(), action, listingId,
                        version, platform.code(), due);
            }
        }
    }

    /**
     * N working days after {@code from}; empty when the calendar has no data for the year the deadline falls in.
     * The forward is still recorded and sent, and the gap raises an alarm (log + metric) rather than a guess.
     */
    private LocalDate dueDate(LocalDate from, SharingProperties.Platform platform) {
        try {
            return calendar.addWorkingDays(from, platform.deadlineWorkingDays());
        } catch (io.creditloop.calendar.CalendarYearMissingException e) {
            calendarGaps.increment();
            log.error("ALARM: no working-day calendar for {}: the forward to {} is recorded without a due date; add "
                    + "that year's holiday file (CALENDAR_DIR) and restart", e.year(), platform.code());
            return null;
        }
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

    private void publish(Forward forward, String type, Instant at, Object data) {
        String key = forward.listingId().toString();
        outbox.append(Topics.SHARING_EVENTS, key, Envelope.of(SOURCE, type, at, key, data));
    }
}
