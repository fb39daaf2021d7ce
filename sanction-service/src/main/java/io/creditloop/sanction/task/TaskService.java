package io.creditloop.sanction.task;

import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.messaging.Outbox;
import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.Measures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * R8 use cases, one transaction each: the task rows and their events in the outbox commit together. Listing events
 * are applied only if their version is newer than the one applied for that listing, so duplicates and reordered
 * events change nothing.
 */
@Service
public class TaskService {

    /** The version guard's consumer name: one applied version per listing for this service. */
    static final String LISTING_VERSIONS = "sanction.listing";

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private final SanctionTasks tasks;
    private final Measures measures;
    private final Outbox outbox;
    private final AppliedVersions versions;
    private final Clock clock;

    public TaskService(SanctionTasks tasks, Measures measures, Outbox outbox, AppliedVersions versions, Clock clock) {
        this.tasks = tasks;
        this.measures = measures;
        this.outbox = outbox;
        this.versions = versions;
        this.clock = clock;
    }

    /** R8 发起, R9: one task per measure of the listing's type, each sent to its agency. */
    @Transactional
    public List<SanctionTask> initiate(ListingConfirmed listing) {
        if (!isNewVersion(listing.listingId(), listing.version(), "confirmed")) {
            return List.of();
        }
        Instant now = clock.instant();
        List<SanctionTask> initiated = new ArrayList<>();
        for (Measure measure : measures.forListType(listing.listType().code())) {
            SanctionTask task = SanctionTask.initiate(UUID.randomUUID(), listing.listingId(), listing.version(),
                    listing.subject().key(), measure, now);
            if (tasks.insert(task)) {
                outbox.append(Topics.agencyTasks(task.agencyCode()), task.subjectKey(),
                        TaskEvents.initiated(task, measure, listing));
                initiated.add(task);
            }
        }
        log.info("listing {} v{} ({}) confirmed: {} sanction tasks initiated", listing.listingId(),
                listing.version(), listing.listType().code(), initiated.size());
        return initiated;
    }

    /** R13: on exit the measures stop; every task still in force is lifted and its agency told so. */
    @Transactional
    public List<SanctionTask> lift(ListingExited exit) {
        if (!isNewVersion(exit.listingId(), exit.version(), "exited")) {
            return List.of();
        }
        Instant now = clock.instant();
        String reason = exit.exitReason() == null ? "listing exited" : "listing exited: " + exit.exitReason();
        List<SanctionTask> lifted = new ArrayList<>();
        for (SanctionTask task : tasks.forListingForUpdate(exit.listingId())) {
            if (task.lift(now) == Outcome.ADVANCED) {
                tasks.update(task);
                outbox.append(Topics.agencyTasks(task.agencyCode()), task.subjectKey(),
                        TaskEvents.lifted(task, reason));
                lifted.add(task);
            }
        }
        log.info("listing {} v{} exited ({}): {} sanction tasks lifted", exit.listingId(), exit.version(),
                exit.exitReason(), lifted.size());
        return lifted;
    }

    /**
     * A corrected record does not change which measures apply yet, so only its version is recorded: an older
     * event arriving after the correction must still count as stale.
     */
    @Transactional
    public void recordCorrection(ListingCorrected correction) {
        if (isNewVersion(correction.listingId(), correction.version(), "corrected")) {
            log.info("listing {} corrected to v{}: tasks unchanged", correction.listingId(), correction.version());
        }
    }

    /**
     * R8 响应 / 实施 / 反馈 from the agency that owns the task.
     *
     * @throws UnknownTaskException if no such task was initiated
     * @throws ForeignTaskException if the task belongs to another agency
     */
    @Transactional
    public Outcome answer(UUID taskId, String agencyCode, Answer answer) {
        SanctionTask task = tasks.findForUpdate(taskId).orElseThrow(() -> new UnknownTaskException(taskId));
        if (!task.agencyCode().equals(agencyCode)) {
            throw new ForeignTaskException(taskId, agencyCode, task.agencyCode());
        }
        TaskState before = task.state();
        Outcome outcome = task.answer(answer);
        if (outcome == Outcome.ADVANCED) {
            tasks.update(task);
            log.info("task {} of {} moved {} -> {}", taskId, agencyCode, before, task.state());
        } else if (outcome == Outcome.TASK_LIFTED) {
            log.info("task {} of {} is lifted; ignoring its {} answer", taskId, agencyCode, answer.reaches());
        } else {
            log.info("task {} of {} is already {}; ignoring its {} answer", taskId, agencyCode, before,
                    answer.reaches());
        }
        return outcome;
    }

    @Transactional(readOnly = true)
    public Optional<SanctionLoop> loop(UUID listingId) {
        return SanctionLoop.of(listingId, tasks.forListing(listingId));
    }

    @Transactional(readOnly = true)
    public Optional<SanctionTask> task(UUID taskId) {
        return tasks.find(taskId);
    }

    private boolean isNewVersion(UUID listingId, long version, String what) {
        if (versions.advance(LISTING_VERSIONS, listingId.toString(), version)) {
            return true;
        }
        log.info("listing {} {} v{} is not newer than the version applied; ignored", listingId, what, version);
        return false;
    }
}
