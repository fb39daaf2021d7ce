package io.creditloop.sanction.task;

import io.creditloop.calendar.WorkingDayCalendar;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.messaging.Outbox;
import io.creditloop.sanction.check.MaskedIdNumber;
import io.creditloop.security.Caller;
import io.creditloop.security.PersonalDataReads;
import io.creditloop.sanction.measure.Measure;
import io.creditloop.sanction.measure.Measures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * R8 use cases, one transaction each: the task rows and their events in the outbox commit together. Listing changes
 * arrive through {@code ListingChanges}, which drops duplicate and stale listing versions before they get here.
 */
@Service
public class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private final SanctionTasks tasks;
    private final Measures measures;
    private final Outbox outbox;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final Counter calendarGaps;
    private final PersonalDataReads reads;

    public TaskService(SanctionTasks tasks, Measures measures, Outbox outbox, WorkingDayCalendar calendar,
                       Clock clock, MeterRegistry meters, PersonalDataReads reads) {
        this.reads = reads;
        this.tasks = tasks;
        this.measures = measures;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
        this.calendarGaps = meters.counter("creditloop.sanction.calendar.gaps");
    }

    /**
     * R8 发起, R9: one task per measure in force for the listing's type, each sent to its own agency with its response
     * deadline. Runs in the caller's transaction (the listing event's inbox transaction).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<SanctionTask> initiate(ListingInForce listing) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<SanctionTask> initiated = new ArrayList<>();
        for (Measure measure : measures.forListType(listing.listType().code())) {
            LocalDate respondBy = respondBy(today, measure);
            SanctionTask task = SanctionTask.initiate(UUID.randomUUID(), listing.listingId(), listing.version(),
                    listing.subject().key(), measure, respondBy, now);
            if (tasks.insert(task)) {
                String topic = Topics.agencyTasks(task.agencyCode());
                outbox.append(topic, task.subjectKey(), TaskEvents.initiated(task, measure, listing));
                recordDisclosure(task, topic, listing);
                initiated.add(task);
            }
        }
        log.info("listing {} v{} ({}) in force: {} sanction tasks initiated", listing.listingId(),
                listing.version(), listing.listType().code(), initiated.size());
        return initiated;
    }

    /**
     * {@link #initiate} for the listings of one poll (issue 9), with the catalog read once per list type and the tasks
     * written as one batch. The tasks' events are not appended here: element i holds listing i's, in the order
     * {@link #initiate} would append them, for the caller to append with its other events in the listings' order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<List<Outbox.Message>> initiateAll(List<ListingInForce> listings) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Map<String, List<Measure>> catalog = new HashMap<>();
        List<SanctionTask> candidates = new ArrayList<>();
        List<Measure> measureOf = new ArrayList<>();
        int[] firstTask = new int[listings.size() + 1];
        for (int i = 0; i < listings.size(); i++) {
            ListingInForce listing = listings.get(i);
            firstTask[i] = candidates.size();
            for (Measure measure : catalog.computeIfAbsent(listing.listType().code(), measures::forListType)) {
                LocalDate respondBy = respondBy(today, measure);
                candidates.add(SanctionTask.initiate(UUID.randomUUID(), listing.listingId(), listing.version(),
                        listing.subject().key(), measure, respondBy, now));
                measureOf.add(measure);
            }
        }
        firstTask[listings.size()] = candidates.size();
        boolean[] stored = tasks.insertAll(candidates);
        List<List<Outbox.Message>> events = new ArrayList<>(listings.size());
        int initiated = 0;
        for (int i = 0; i < listings.size(); i++) {
            ListingInForce listing = listings.get(i);
            List<Outbox.Message> messages = new ArrayList<>();
            for (int t = firstTask[i]; t < firstTask[i + 1]; t++) {
                if (stored[t]) {
                    SanctionTask task = candidates.get(t);
                    String topic = Topics.agencyTasks(task.agencyCode());
                    messages.add(new Outbox.Message(topic, task.subjectKey(),
                            TaskEvents.initiated(task, measureOf.get(t), listing)));
                    recordDisclosure(task, topic, listing);
                }
            }
            log.debug("listing {} v{} ({}) in force: {} sanction tasks initiated", listing.listingId(),
                    listing.version(), listing.listType().code(), messages.size());
            initiated += messages.size();
            events.add(messages);
        }
        log.info("{} listings in force: {} sanction tasks initiated", listings.size(), initiated);
        return events;
    }

    /**
     * R16: a task carries the person's whole ID number and name to the agency, on its own topic: that delivery is the
     * agency's read, recorded in this transaction under the agency (answerable subject: the topic).
     */
    private void recordDisclosure(SanctionTask task, String topic, ListingInForce listing) {
        if (listing.subject().type() != SubjectType.PERSON) {
            return;
        }
        reads.record(Caller.agency(task.agencyCode(), "topic:" + topic), "R8 sanction task: " + task.measureCode(),
                new PersonalDataReads.Read("task", task.taskId().toString(), task.listingId(), task.subjectKey(),
                        MaskedIdNumber.of(listing.subject().idNumber())));
    }

    /**
     * R13: the measures stop; every task still in force (open or applied) is lifted and its agency told why. Runs in
     * the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<SanctionTask> lift(UUID listingId, String reason) {
        Instant now = clock.instant();
        List<SanctionTask> lifted = new ArrayList<>();
        for (SanctionTask task : tasks.forListingForUpdate(listingId)) {
            if (task.lift(reason, now) == Outcome.ADVANCED) {
                tasks.update(task);
                outbox.append(Topics.agencyTasks(task.agencyCode()), task.subjectKey(), TaskEvents.lifted(task));
                lifted.add(task);
            }
        }
        log.info("listing {}: {} sanction tasks lifted ({})", listingId, lifted.size(), reason);
        return lifted;
    }

    /**
     * R10/R11: a corrected record supersedes the one the agencies were given. Their tasks under the old record are
     * lifted, and the corrected record, still in force, starts tasks of its own under the measures in force now, so
     * no agency keeps applying a measure to a record that was wrong.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void supersede(ListingInForce corrected) {
        lift(corrected.listingId(), "listing corrected: superseded by the corrected record (listing version "
                + corrected.version() + ")");
        initiate(corrected);
    }

    /**
     * R8 响应 / 实施 / 反馈 from the agency that owns the task. Runs in the caller's transaction (the answer's inbox
     * transaction), so the task and the inbox row commit together.
     *
     * @throws UnknownTaskException if no such task was initiated
     * @throws ForeignTaskException if the task belongs to another agency
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AnswerReceipt answer(UUID taskId, String agencyCode, Answer answer) {
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
        return new AnswerReceipt(outcome, task, false);
    }

    /** R13: tells the agency on its task topic that its answer came for a lifted task and changed nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteAnswerToLiftedTask(SanctionTask task, String answerType, String answerId) {
        outbox.append(Topics.agencyTasks(task.agencyCode()), task.subjectKey(),
                TaskEvents.alreadyLifted(task, answerType, answerId, clock.instant()));
    }

    /**
     * R8 (003 §18 自动提醒): reminds every agency whose task is due today or overdue, once per task and kind. Locked
     * rows are skipped, so instances running this at the same time share the work and never remind twice.
     *
     * @return how many reminders went out; a full batch means there may be more
     */
    @Transactional
    public int remindDue(LocalDate today, int batch) {
        Instant now = clock.instant();
        int sent = 0;
        for (SanctionTask task : tasks.dueForReminderForUpdate(today, batch)) {
            Optional<Reminder> reminder = task.reminderDue(today);
            if (reminder.isPresent() && task.remind(reminder.get().kind(), today, now)) {
                tasks.update(task);
                outbox.append(Topics.agencyTasks(task.agencyCode()), task.subjectKey(),
                        TaskEvents.reminder(task, reminder.get(), now));
                log.info("task {} of {}: {} reminder, respond by {}", task.taskId(), task.agencyCode(),
                        reminder.get().kind(), task.respondBy());
                sent++;
            }
        }
        return sent;
    }

    @Transactional(readOnly = true)
    public Optional<SanctionLoop> loop(UUID listingId) {
        return SanctionLoop.of(listingId, tasks.forListing(listingId));
    }

    @Transactional(readOnly = true)
    public Optional<SanctionTask> task(UUID taskId) {
        return tasks.find(taskId);
    }

    @Transactional(readOnly = true)
    public List<SanctionTask> search(TaskQuery query) {
        return tasks.search(query, today());
    }

    /** Today in the deployment's zone: what "overdue" is measured against. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDate respondBy(LocalDate today, Measure measure) {
        Optional<LocalDate> respondBy = ResponseDeadline.respondBy(calendar, today, measure.responseWorkingDays());
        if (respondBy.isEmpty()) {
            calendarGaps.increment();
            log.error("ALARM: the working-day calendar covers {} only: a task for {}/{} initiated on {} has no response "
                    + "deadline and will not be reminded; add the year's holiday file (CALENDAR_DIR) and restart",
                    calendar.years(), measure.agencyCode(), measure.measureCode(), today);
        }
        return respondBy.orElse(null);
    }
}
