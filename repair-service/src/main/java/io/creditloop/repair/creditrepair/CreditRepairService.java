package io.creditloop.repair.creditrepair;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.repair.v1.RepairDeadlineAlarm;
import io.creditloop.messaging.Outbox;

import io.creditloop.calendar.WorkingDayCalendar;
import io.creditloop.contracts.repair.v1.DecisionKind;
import io.creditloop.repair.decision.DecisionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * R12: credit repair from application to the credit office's review, and its cancellation by a re-offence. Each use
 * case is one transaction; a carried-out repair's decision event commits with it (outbox).
 */
@Service
public class CreditRepairService {

    private static final Logger log = LoggerFactory.getLogger(CreditRepairService.class);

    private final CreditRepairs repairs;
    private final Outbox outbox;
    private final DecisionService decisions;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final int opinionWorkingDays;
    private final int reviewWorkingDays;

    public CreditRepairService(CreditRepairs repairs, DecisionService decisions, WorkingDayCalendar calendar,
                               Clock clock, Outbox outbox,
                               @Value("${creditloop.repair.credit-repair.opinion-working-days:7}") int opinionDays,
                               @Value("${creditloop.repair.credit-repair.review-working-days:7}") int reviewDays) {
        this.repairs = repairs;
        this.outbox = outbox;
        this.decisions = decisions;
        this.calendar = calendar;
        this.clock = clock;
        this.opinionWorkingDays = opinionDays;
        this.reviewWorkingDays = reviewDays;
    }

    public record Application(UUID listingId, String applicant, String statement, boolean intentional,
                              List<Evidence> evidence) {
        public record Evidence(RepairEvidence.Kind kind, String description, String reference) {
        }
    }

    public record Details(@com.fasterxml.jackson.annotation.JsonUnwrapped CreditRepair repair,
                          List<RepairEvidence> evidence, List<ApprovalDeadline.Alarm> alarms) {
    }

    /**
     * A written application, assessed at once against the catalog's repair mode and the subject's listings.
     *
     * @throws RepairRefusedException with the reasons when the listing cannot be repaired
     */
    @Transactional(noRollbackFor = RepairRefusedException.class)
    public CreditRepair apply(Application application) {
        RepairListing listing = repairs.listing(application.listingId(), true)
                .orElseThrow(() -> new UnknownListingException(application.listingId()));
        Set<RepairEvidence.Kind> kinds = application.evidence().stream().map(Application.Evidence::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RepairEvidence.Kind.class)));
        RepairEligibility.Outcome outcome = RepairEligibility.assess(listing, application.intentional(), kinds,
                subjectsListings(listing), today());
        if (!outcome.eligible()) {
            log.info("repair of listing {} refused: {}", listing.listingId(), outcome.refusals());
            throw new RepairRefusedException(listing.listingId(), outcome.refusals());
        }
        Instant now = now();
        CreditRepair repair = CreditRepair.applied(listing.listingId(), listing.subjectKey(), outcome.path(),
                application.applicant(), application.statement(), application.intentional(), now,
                calendar.addWorkingDays(today(), opinionWorkingDays));
        repairs.add(repair);
        for (Application.Evidence e : application.evidence()) {
            repairs.addEvidence(repair.id(), new RepairEvidence(UUID.randomUUID(), e.kind(), e.description(),
                    e.reference(), now));
        }
        log.info("repair {} of listing {} applied for ({}), opinion due {}", repair.id(), listing.listingId(),
                repair.path(), repair.opinionDue());
        return repair;
    }

    /**
     * R12 (000 §5(三)): an alarm for each approval step past its due date (the department's opinion, the credit
     * office's review), once per repair and step whatever the number of instances: the alarm row's key decides, and
     * the event ({@code repair.repair.deadline.v1}) is appended in the same transaction only when the row was new.
     *
     * @return how many alarms were raised
     */
    @Transactional
    public int raiseDeadlineAlarms() {
        Instant now = now();
        LocalDate today = today();
        int raised = 0;
        for (CreditRepair repair : repairs.overdueOn(today, 500)) {
            var alarm = ApprovalDeadline.overdue(repair, today);
            if (alarm.isEmpty() || !repairs.recordAlarm(repair.id(), alarm.get(), now)) {
                continue;
            }
            String department = repairs.listing(repair.listingId(), false).map(RepairListing::department).orElse(null);
            String key = repair.listingId().toString();
            outbox.append(Topics.REPAIR_EVENTS, key, Envelope.of("/repair-service", EventTypes.REPAIR_DEADLINE, now, key,
                    new RepairDeadlineAlarm(repair.id(), repair.listingId(), department, alarm.get().step().name(),
                            alarm.get().alarm(), alarm.get().dueDate(), today)));
            log.warn("repair {}: {} {} (due {}) at {}", repair.id(), alarm.get().step(), alarm.get().alarm(),
                    alarm.get().dueDate(), department);
            raised++;
        }
        return raised;
    }

    /** The recognising department's written opinion (001 §17: an early exit needs its consent). */
    @Transactional
    public CreditRepair opinion(UUID id, boolean agrees, String opinion, String by) {
        CreditRepair next = locked(id).opinion(agrees, opinion, by, now(),
                calendar.addWorkingDays(today(), reviewWorkingDays));
        repairs.update(next);
        return next;
    }

    /**
     * The credit office's review. Approved, the repair is carried out: (a) REPAIRED_EXIT (identification exits the
     * listing; a black one moves to gray, R13), (b) RECTIFICATION_NOTED. Eligibility is checked again: a re-offence
     * or an exit since the application refuses it.
     */
    @Transactional
    public CreditRepair review(UUID id, boolean approved, String note, String by) {
        CreditRepair repair = locked(id);
        if (!approved) {
            CreditRepair refused = repair.review(false, note, by, now(), null);
            repairs.update(refused);
            return refused;
        }
        if (repair.status() != CreditRepair.Status.OPINION_GIVEN) {
            throw new RepairStateException("repair " + id + " is " + repair.status()
                    + ": only a repair with the department's opinion can be reviewed");
        }
        RepairListing listing = repairs.listing(repair.listingId(), true).orElseThrow();
        if (listing.exited() || (listing.barred() && listing.inValidityOn(today()))) {
            throw new RepairStateException("listing " + listing.listingId() + " has exited or its repair is barred");
        }
        DecisionKind kind = repair.path() == RepairMode.PUBLICATION_WITHDRAWN ? DecisionKind.REPAIRED_EXIT
                : DecisionKind.RECTIFICATION_NOTED;
        Instant now = now();
        UUID decision = decisions.decide(repair.listingId(), DecisionService.CaseKind.REPAIR, repair.id(), kind,
                listing.department(), note == null || note.isBlank() ? repair.opinion() : note.strip(), now);
        CreditRepair carried = repair.review(true, note, by, now, decision);
        repairs.update(carried);
        log.info("repair {} carried out: {}", id, kind);
        return carried;
    }

    /**
     * Of these subjects, those {@link #listingConfirmed} may cancel a repair of: with none in progress or carried
     * out, a new listing cancels nothing (issue 9: a poll's listings are checked in one query).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Set<String> subjectsUnderRepair(java.util.Collection<String> subjectKeys) {
        return repairs.subjectsWithActiveRepair(subjectKeys);
    }

    /**
     * R12 (000 §5(二)): a listing was confirmed: the subject's active repairs it re-offends against are cancelled
     * and their listings barred from another repair within validity. Runs in the listing event's (inbox) transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int listingConfirmed(UUID newListingId) {
        Optional<RepairListing> confirmed = repairs.listing(newListingId, false);
        if (confirmed.isEmpty() || confirmed.get().subjectKey() == null) {
            return 0;
        }
        RepairListing newListing = confirmed.get();
        int cancelled = 0;
        for (CreditRepair repair : repairs.activeOfSubject(newListing.subjectKey())) {
            RepairListing repaired = repairs.listing(repair.listingId(), false).orElseThrow();
            if (ReOffence.cancels(repaired, newListing)) {
                repairs.update(repair.cancel("修复后再次失信，原修复取消，有效期内不得再次修复 (R12, 000 §5(二)): listing "
                        + newListingId + " (" + newListing.listTypeCode() + ")", now()));
                repairs.bar(repaired.listingId());
                log.warn("repair {} of listing {} cancelled by listing {}", repair.id(), repaired.listingId(),
                        newListingId);
                cancelled++;
            }
        }
        return cancelled;
    }

    /** The recognising department of the repaired listing, when both are known here (R16: who answers for it). */
    @Transactional(readOnly = true)
    public Optional<String> department(UUID id) {
        return repairs.find(id, false).flatMap(r -> repairs.listing(r.listingId(), false))
                .map(RepairListing::department);
    }

    @Transactional(readOnly = true)
    public Optional<Details> details(UUID id) {
        return repairs.find(id, false).map(r -> new Details(r, repairs.evidence(id), repairs.alarms(id)));
    }

    private List<RepairListing> subjectsListings(RepairListing listing) {
        return listing.subjectKey() == null ? List.of() : repairs.listingsOfSubject(listing.subjectKey());
    }

    private CreditRepair locked(UUID id) {
        return repairs.find(id, true).orElseThrow(() -> new UnknownRepairException(id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    public static class UnknownListingException extends RuntimeException {
        public UnknownListingException(UUID id) {
            super("listing " + id + " is not known");
        }
    }

    public static class UnknownRepairException extends RuntimeException {
        public UnknownRepairException(UUID id) {
            super("repair " + id + " is not known");
        }
    }
}
