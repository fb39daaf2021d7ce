package io.creditloop.repair.objection;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.repair.v1.ObjectionDeadlineAlarm;
import io.creditloop.contracts.repair.v1.ObjectionFiled;
import io.creditloop.messaging.Outbox;
import io.creditloop.repair.decision.DecisionService;
import io.creditloop.repair.listing.ListingRef;
import io.creditloop.repair.listing.ListingRefs;
import io.creditloop.repair.objection.ObjectionRefusedException.Why;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * R10/R11: objections from filing to decision. Every step is one transaction: the objection's state, what the step
 * records and its event (outbox) commit together. A pending objection never touches the listing: publication and
 * measures continue (000 §5(一); 003 §24).
 */
@Service
public class ObjectionService {

    static final String SOURCE = DecisionService.SOURCE;

    private static final Logger log = LoggerFactory.getLogger(ObjectionService.class);

    private final ListingRefs listings;
    private final Objections objections;
    private final Outbox outbox;
    private final DecisionService decisions;
    private final EvidenceStore evidenceStore;
    private final VerificationDeadline deadline;
    private final Clock clock;

    public ObjectionService(ListingRefs listings, Objections objections, Outbox outbox, DecisionService decisions,
                            EvidenceStore evidenceStore, VerificationDeadline deadline, Clock clock) {
        this.listings = listings;
        this.objections = objections;
        this.outbox = outbox;
        this.decisions = decisions;
        this.evidenceStore = evidenceStore;
        this.deadline = deadline;
        this.clock = clock;
    }

    /**
     * Files an objection with the listing's recognising department.
     *
     * @throws ObjectionRefusedException if the listing is unknown or has exited
     */
    @Transactional
    public Objection file(NewObjection request) {
        ListingRef listing = listings.findLocked(request.listingId())
                .orElseThrow(() -> new ObjectionRefusedException(request.listingId(), Why.UNKNOWN_LISTING));
        if (listing.exited()) {
            throw new ObjectionRefusedException(listing.listingId(), Why.LISTING_EXITED);
        }
        Instant now = now();
        Objection objection = Objection.filed(UUID.randomUUID(), listing.listingId(), listing.recognisingDepartment(),
                request.objectorKind() == null ? ObjectorKind.SUBJECT : request.objectorKind(),
                request.objectorName().strip(), blankToNull(request.contact()), request.reason().strip(), now);
        objections.add(objection);
        if (request.evidence() != null) {
            for (NewObjection.EvidenceReference e : request.evidence()) {
                objections.addEvidence(objection.id(),
                        Evidence.reference(e.description().strip(), e.reference().strip(), now));
            }
        }
        String key = listing.listingId().toString();
        outbox.append(Topics.REPAIR_EVENTS, key, Envelope.of(SOURCE, EventTypes.OBJECTION_FILED, now, key,
                new ObjectionFiled(objection.id(), objection.listingId(), objection.recognisingDepartment(),
                        objection.objectorName(), objection.reason(), objection.filedAt())));
        log.info("objection {} filed against listing {} with {}", objection.id(), objection.listingId(),
                objection.recognisingDepartment());
        return objection;
    }

    /** An evidence file, stored in the private evidence directory before its row is written. */
    @Transactional
    public Evidence addFile(UUID objectionId, String description, String fileName, String contentType,
                            InputStream content) {
        Objection objection = locked(objectionId);
        if (objection.status() == ObjectionStatus.DECIDED || objection.status() == ObjectionStatus.REJECTED) {
            throw new ObjectionStateException("objection " + objectionId + " is " + objection.status()
                    + ": no more evidence");
        }
        EvidenceStore.Stored stored = evidenceStore.store(content);
        Evidence evidence = new Evidence(UUID.randomUUID(), Evidence.Kind.FILE, description, null, fileName,
                contentType, stored.size(), stored.sha256(), stored.storageName(), now());
        objections.addEvidence(objectionId, evidence);
        log.info("objection {}: evidence file {} ({} bytes) stored", objectionId, evidence.id(), stored.size());
        return evidence;
    }

    /** The recognising department acknowledges the objection: verification is due in N working days (R10). */
    @Transactional
    public Objection accept(UUID id, String by) {
        Objection objection = locked(id);
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Objection accepted = objection.accept(by, now, deadline.dueDate(today));
        objections.update(accepted);
        log.info("objection {} accepted by {}, verification due {}", id, objection.recognisingDepartment(),
                accepted.dueDate());
        return accepted;
    }

    /** The department finds the listing wrong: its written opinion goes to the credit office (R10). */
    @Transactional
    public Objection giveOpinion(UUID id, OpinionOutcome outcome, String opinion, String by) {
        Objection given = locked(id).giveOpinion(outcome, opinion, by, now());
        objections.update(given);
        log.info("objection {}: department opinion {}", id, outcome);
        return given;
    }

    /** The department finds the listing right: a written reply to the objector (R10). */
    @Transactional
    public Objection reject(UUID id, String reply, String by) {
        Objection rejected = locked(id).reject(reply, by, now());
        objections.update(rejected);
        log.info("objection {} rejected with a written reply", id);
        return rejected;
    }

    /**
     * The credit office reviews the department's opinion. Approved: the decision is made and published at once
     * (erroneous → exit ERRONEOUS in identification, with the R11 apology and, for red, benefits to recover;
     * correction → the department corrects the record). Not approved: back to the department.
     */
    @Transactional
    public Objection review(UUID id, boolean approved, String by, String note) {
        Objection objection = locked(id);
        if (!approved) {
            Objection back = objection.review(false, by, now(), null);
            objections.update(back);
            log.info("objection {}: opinion sent back by the credit office", id);
            return back;
        }
        if (objection.status() != ObjectionStatus.OPINION_GIVEN) {
            throw new ObjectionStateException("objection " + id + " is " + objection.status()
                    + ": only an objection with the department's opinion can be reviewed");
        }
        ListingRef listing = listings.find(objection.listingId()).orElseThrow();
        Instant now = now();
        String summary = note == null || note.isBlank() ? objection.opinion() : note.strip();
        UUID decision = decisions.decide(objection.listingId(), DecisionService.CaseKind.OBJECTION, objection.id(),
                objection.opinionOutcome().decision(), objection.recognisingDepartment(), summary, now);
        Objection decided = objection.review(true, by, now, decision);
        objections.update(decided);
        if (decided.opinionOutcome() == OpinionOutcome.ERRONEOUS) {
            objections.addApology(ErroneousListing.apology(decided, now));
            ErroneousListing.benefitsToRecover(decided, listing, now).ifPresent(objections::addBenefitRecovery);
        }
        return decided;
    }

    /** R10 (001 §21): the outcome of an administrative review the objector sought after a written reply. */
    @Transactional
    public Objection recordAdministrativeReview(UUID id, String outcome) {
        Objection recorded = locked(id).recordAdministrativeReview(outcome, now());
        objections.update(recorded);
        return recorded;
    }

    /**
     * R10: the deadline alarms due today, each once per objection whatever the number of instances: the alarm row's
     * primary key decides, and the event is appended in the same transaction only when the row was new.
     *
     * @return how many alarms were raised
     */
    @Transactional
    public int raiseDeadlineAlarms() {
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        int raised = 0;
        for (Objection pending : objections.pendingDueBy(today)) {
            Optional<VerificationDeadline.Alarm> alarm = VerificationDeadline.alarm(pending.dueDate(), today);
            if (alarm.isPresent()
                    && objections.recordAlarm(pending.id(), alarm.get(), pending.dueDate(), today, now)) {
                String key = pending.listingId().toString();
                outbox.append(Topics.REPAIR_EVENTS, key, Envelope.of(SOURCE, EventTypes.OBJECTION_DEADLINE, now, key,
                        new ObjectionDeadlineAlarm(pending.id(), pending.listingId(),
                                pending.recognisingDepartment(), alarm.get().name(), pending.dueDate(), today)));
                log.warn("objection {}: verification {} (due {}) at {}", pending.id(), alarm.get(),
                        pending.dueDate(), pending.recognisingDepartment());
                raised++;
            }
        }
        return raised;
    }

    @Transactional(readOnly = true)
    public Optional<Objection> find(UUID id) {
        return objections.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<ObjectionDetails> details(UUID id) {
        return objections.find(id).map(o -> new ObjectionDetails(o, objections.evidence(id), objections.alarms(id),
                objections.apology(id).orElse(null),
                o.status() == ObjectionStatus.DECIDED ? objections.benefitRecovery(o.listingId()).orElse(null)
                        : null));
    }

    private Objection locked(UUID id) {
        return objections.findLocked(id).orElseThrow(() -> new ObjectionNotFoundException(id));
    }

    /** PostgreSQL keeps microseconds: the event and the stored row carry the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The objection id names no objection. */
    public static class ObjectionNotFoundException extends RuntimeException {
        public ObjectionNotFoundException(UUID id) {
            super("objection " + id + " is not known");
        }
    }
}
