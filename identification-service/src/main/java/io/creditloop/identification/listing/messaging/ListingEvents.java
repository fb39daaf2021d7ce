package io.creditloop.identification.listing.messaging;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.identification.catalog.ListTypeEntry;
import io.creditloop.identification.listing.ListedSubject;
import io.creditloop.identification.listing.Listing;
import io.creditloop.messaging.Outbox;
import org.springframework.stereotype.Component;

/** The one place where listing state becomes contract events on {@link Topics#LISTING_EVENTS}. */
@Component
public class ListingEvents {

    static final String SOURCE = "/identification-service";

    private final Outbox outbox;

    public ListingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void confirmed(Listing l) {
        publish(l, EventTypes.LISTING_CONFIRMED, l.confirmedAt(), confirmation(l));
    }

    private static ListingConfirmed confirmation(Listing l) {
        return new ListingConfirmed(l.id(), l.version(), listType(l.listType()), subject(l.subject()), l.reason(),
                l.basis(), l.department(), l.recognitionDate(), l.validFrom(), l.validUntil(), l.confirmedAt());
    }

    /** {@link #confirmed} for many listings, appended in batched statements. */
    public void confirmedAll(java.util.List<Listing> listings) {
        if (!listings.isEmpty()) {
            outbox.appendAll(listings.stream().map(l -> message(l, EventTypes.LISTING_CONFIRMED, l.confirmedAt(),
                    confirmation(l))).toList());
        }
    }

    public void exited(Listing l) {
        publish(l, EventTypes.LISTING_EXITED, l.exitedAt(), new ListingExited(l.id(), l.version(),
                listType(l.listType()), subject(l.subject()), l.department(), l.exitReason(), l.exitDate(),
                l.exitNote(), l.exitedAt()));
    }

    private void publish(Listing l, String type, java.time.Instant at, Object data) {
        Outbox.Message m = message(l, type, at, data);
        outbox.append(m.topic(), m.key(), m.event());
    }

    private static Outbox.Message message(Listing l, String type, java.time.Instant at, Object data) {
        String key = l.subject().key();
        return new Outbox.Message(Topics.LISTING_EVENTS, key, Envelope.of(SOURCE, type, at, key, data));
    }

    private static ListType listType(ListTypeEntry t) {
        // R7: red and black are public for their validity; a gray type only if its catalog entry says so
        boolean published = t.kind() != io.creditloop.contracts.listing.v1.ListKind.GRAY || t.grayPublished();
        return new ListType(t.code(), t.version(), t.name(), t.kind(), t.department(), published, t.repairMode());
    }

    private static Subject subject(ListedSubject s) {
        return new Subject(s.key(), s.type(), s.name(), s.uscc(), s.idType(), s.idNumber(), s.legalRepresentative());
    }
}
