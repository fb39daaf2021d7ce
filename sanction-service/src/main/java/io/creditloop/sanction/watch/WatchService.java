package io.creditloop.sanction.watch;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.contracts.sanction.v1.WatchNotice;
import io.creditloop.messaging.Outbox;
import io.creditloop.sanction.check.MaskedIdNumber;
import io.creditloop.security.Caller;
import io.creditloop.security.PersonalDataReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * R8 targeted distribution (定向分发, 003 §18): agencies register the subjects they currently serve, and are told at
 * once when one of them is listed, corrected or exits, on their own task topic, whether or not the list type has a
 * measure for them.
 */
@Service
public class WatchService {

    private static final Logger log = LoggerFactory.getLogger(WatchService.class);

    private final WatchLists lists;
    private final SubjectKeys keys;
    private final Outbox outbox;
    private final Clock clock;
    private final PersonalDataReads reads;

    public WatchService(WatchLists lists, SubjectKeys keys, Outbox outbox, Clock clock,
                        PersonalDataReads reads) {
        this.reads = reads;
        this.lists = lists;
        this.keys = keys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What a registration did: the entries as stored, and how many were new. */
    public record Registration(List<WatchEntry> entries, int added) {
    }

    /** @throws io.creditloop.sanction.InvalidInputException if any subject is malformed; nothing is registered then */
    @Transactional
    public Registration register(String agencyCode, List<WatchSubject> subjects) {
        String agency = WatchRules.agency(agencyCode);
        List<WatchEntry> entries = WatchRules.entries(agency, subjects, keys, clock.instant());
        int added = 0;
        for (WatchEntry entry : entries) {
            if (lists.put(entry)) {
                added++;
            }
        }
        log.info("watch list of {}: {} subjects registered, {} new", agency, entries.size(), added);
        return new Registration(entries, added);
    }

    /** @return how many of the subjects were on the list and are off it now */
    @Transactional
    public int unregister(String agencyCode, List<WatchSubject> subjects) {
        String agency = WatchRules.agency(agencyCode);
        int removed = 0;
        for (WatchEntry entry : WatchRules.entries(agency, subjects, keys, clock.instant())) {
            if (lists.remove(agency, entry.subjectKey())) {
                removed++;
            }
        }
        log.info("watch list of {}: {} subjects removed", agency, removed);
        return removed;
    }

    @Transactional(readOnly = true)
    public List<WatchEntry> watchList(String agencyCode) {
        return lists.ofAgency(WatchRules.agency(agencyCode));
    }

    /** Runs in the listing event's transaction, after its version guard. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void listed(ListingConfirmed event) {
        notifyWatchers(event.subject(), agency -> WatchNotices.listed(agency, event, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void corrected(ListingCorrected event) {
        notifyWatchers(event.subject(), agency -> WatchNotices.corrected(agency, event, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void exited(ListingExited event) {
        notifyWatchers(event.subject(), agency -> WatchNotices.exited(agency, event, clock.instant()));
    }

    /**
     * {@link #listed} for the listings of one poll (issue 9), with one lookup of their watchers. The notices are not
     * appended here: element i holds listing i's, in the order {@link #listed} would append them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<List<Outbox.Message>> listedAll(List<ListingConfirmed> events) {
        Map<String, List<String>> watching = lists.agenciesWatchingAll(
                events.stream().map(e -> e.subject().key()).distinct().toList());
        List<List<Outbox.Message>> notices = new ArrayList<>(events.size());
        for (ListingConfirmed event : events) {
            List<String> agencies = watching.getOrDefault(event.subject().key(), List.of());
            List<Outbox.Message> messages = new ArrayList<>(agencies.size());
            for (String agency : agencies) {
                Envelope<?> notice = WatchNotices.listed(agency, event, clock.instant());
                messages.add(new Outbox.Message(Topics.agencyTasks(agency), event.subject().key(), notice));
                recordNotice(event.subject(), agency, notice);
            }
            if (!agencies.isEmpty()) {
                log.info("subject {} is watched by {}: notified", event.subject().key(), agencies);
            }
            notices.add(messages);
        }
        return notices;
    }

    private static UUID listingIdOf(Envelope<?> event) {
        return event.data() instanceof WatchNotice n ? n.listingId() : null;
    }

    private void recordNotice(Subject subject, String agency, Envelope<?> event) {
        if (subject.type() == SubjectType.PERSON) {
            // R16: the notice names the person unmasked (not the ID number): the watching agency's read
            reads.record(Caller.agency(agency, "topic:" + Topics.agencyTasks(agency)),
                    "R8 watch list notice", new PersonalDataReads.Read("watch-notice",
                            event.id(), listingIdOf(event), subject.key(),
                            MaskedIdNumber.of(subject.idNumber())));
        }
    }

    private void notifyWatchers(Subject subject, Function<String, Envelope<?>> notice) {
        List<String> agencies = lists.agenciesWatching(subject.key());
        for (String agency : agencies) {
            Envelope<?> event = notice.apply(agency);
            outbox.append(Topics.agencyTasks(agency), subject.key(), event);
            recordNotice(subject, agency, event);
        }
        if (!agencies.isEmpty()) {
            log.info("subject {} is watched by {}: notified", subject.key(), agencies);
        }
    }
}
