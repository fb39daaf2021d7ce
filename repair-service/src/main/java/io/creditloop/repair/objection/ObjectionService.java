package io.creditloop.repair.objection;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.repair.v1.ObjectionFiled;
import io.creditloop.messaging.Outbox;
import io.creditloop.repair.objection.ObjectionRefusedException.Why;
import io.creditloop.repair.listing.ListingRef;
import io.creditloop.repair.listing.ListingRefs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** R10: filing objections. The objection and its {@code repair.objection.filed.v1} event commit together. */
@Service
public class ObjectionService {

    static final String SOURCE = "/repair-service";

    private static final Logger log = LoggerFactory.getLogger(ObjectionService.class);

    private final ListingRefs listings;
    private final Objections objections;
    private final Outbox outbox;
    private final Clock clock;

    public ObjectionService(ListingRefs listings, Objections objections, Outbox outbox, Clock clock) {
        this.listings = listings;
        this.objections = objections;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Files an objection with the listing's recognising department. The 7-working-day verification deadline is not
     * set here yet: see {@link Objection}.
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
        // PostgreSQL keeps microseconds: the event and the stored row carry the same instant
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Objection objection = new Objection(UUID.randomUUID(), listing.listingId(), listing.recognisingDepartment(),
                request.objectorName().strip(), blankToNull(request.contact()), request.reason().strip(),
                ObjectionStatus.FILED, now);
        objections.add(objection);
        String key = listing.listingId().toString();
        outbox.append(Topics.REPAIR_EVENTS, key, Envelope.of(SOURCE, EventTypes.OBJECTION_FILED, now, key,
                new ObjectionFiled(objection.id(), objection.listingId(), objection.recognisingDepartment(),
                        objection.objectorName(), objection.reason(), objection.filedAt())));
        log.info("objection {} filed against listing {} with {}", objection.id(), objection.listingId(),
                objection.recognisingDepartment());
        return objection;
    }

    @Transactional(readOnly = true)
    public Optional<Objection> find(UUID id) {
        return objections.find(id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
