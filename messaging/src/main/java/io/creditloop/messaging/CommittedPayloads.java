package io.creditloop.messaging;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 9: the JSON of events this process appended to the outbox, kept from their transaction's commit until the
 * relay has sent them, so the relay need not read every payload back from the table and open it again (a quarter of
 * an intake's CPU went to relaying). Only committed events enter: {@link Outbox} adds them after the commit, never
 * after a rollback. The relay still takes its rows, their order and its lock from the table; a row with no entry
 * here (another instance's, one appended before a restart, one over the bound) has its payload read and opened as
 * before. Bounded by a number of events: past it, events are simply not kept. Memory only: nothing here is logged
 * or written anywhere.
 */
final class CommittedPayloads {

    private final int capacity;
    private final Map<String, String> byEventId = new ConcurrentHashMap<>();

    CommittedPayloads(int capacity) {
        this.capacity = capacity;
    }

    /** Events of a committed transaction, by event id; those over the bound are not kept. */
    void addAll(Map<String, String> jsonByEventId) {
        for (Map.Entry<String, String> e : jsonByEventId.entrySet()) {
            if (byEventId.size() >= capacity) {
                return;
            }
            byEventId.put(e.getKey(), e.getValue());
        }
    }

    /** The event's JSON as it was made, or {@code null} if it is not kept here. */
    String get(String eventId) {
        return byEventId.get(eventId);
    }

    /** The relay sent these. */
    void removeAll(Collection<String> eventIds) {
        eventIds.forEach(byEventId::remove);
    }

    /**
     * The relay found nothing left to send: whatever is still here was sent by another instance. Forgotten only once
     * the bound is reached (an entry added meanwhile is merely read from the table instead).
     */
    void forgetIfFull() {
        if (byEventId.size() >= capacity) {
            byEventId.clear();
        }
    }

    int size() {
        return byEventId.size();
    }
}
