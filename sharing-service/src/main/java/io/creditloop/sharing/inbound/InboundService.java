package io.creditloop.sharing.inbound;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.Topics;
import io.creditloop.contracts.sharing.v1.UpstreamListingReceived;
import io.creditloop.messaging.Outbox;
import io.creditloop.sharing.registry.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * R4, R5: stores the lists upstream platforms send and publishes each new record and each change on
 * {@link Topics#UPSTREAM_LISTINGS}, in the same transaction (outbox), so identification's cross-checks see them and
 * nothing is lost on a crash. The shared query register (R16) learns of them in the same transaction too.
 */
@Service
public class InboundService {

    static final String SOURCE = "/sharing-service";
    private static final Logger log = LoggerFactory.getLogger(InboundService.class);

    private final UpstreamListings listings;
    private final UpstreamProperties properties;
    private final Outbox outbox;
    private final RegistryService registry;
    private final Clock clock;

    public InboundService(UpstreamListings listings, UpstreamProperties properties, Outbox outbox,
                          RegistryService registry, Clock clock) {
        this.listings = listings;
        this.properties = properties;
        this.outbox = outbox;
        this.registry = registry;
        this.clock = clock;
    }

    /** @throws UnknownPlatformException for a platform not configured */
    public void requireKnown(String platform) {
        if (!properties.accepts(platform)) {
            throw new UnknownPlatformException(platform);
        }
    }

    /** Stores and publishes what is new or changed among checked records, in one transaction. */
    @Transactional
    public Receipt receive(String platform, List<UpstreamRecord> records) {
        requireKnown(platform);
        int received = 0;
        int revised = 0;
        int unchanged = 0;
        Instant now = clock.instant();
        for (UpstreamRecord record : records) {
            Optional<UpstreamListing> held = listings.lock(platform, record.upstreamId());
            if (held.isEmpty()) {
                UpstreamListing first = UpstreamListing.first(platform, record, now);
                if (listings.insert(first)) {
                    publish(first);
                    received++;
                    continue;
                }
                // inserted meanwhile by a concurrent submission of the same record: treat it as known
                held = listings.lock(platform, record.upstreamId());
            }
            Optional<UpstreamListing> next = held.orElseThrow().receive(record, now);
            if (next.isPresent()) {
                listings.update(next.get());
                publish(next.get());
                revised++;
            } else {
                unchanged++;
            }
        }
        Receipt receipt = new Receipt(received, revised, unchanged);
        log.info("upstream {}: {} new, {} changed, {} unchanged record(s)", platform, received, revised, unchanged);
        return receipt;
    }

    @Transactional(readOnly = true)
    public Optional<UpstreamListing> find(String platform, String upstreamId) {
        requireKnown(platform);
        return listings.find(platform, upstreamId);
    }

    private void publish(UpstreamListing listing) {
        UpstreamRecord r = listing.record();
        UpstreamListingReceived data = new UpstreamListingReceived(listing.id(), listing.platform(), r.upstreamId(),
                listing.revision(), r.listName(), r.kind(), r.inForce(), r.subjectType(), r.name(), r.uscc(),
                r.idNumber(), r.authority(), r.recognitionDate(), r.validUntil(), listing.updatedAt());
        String key = listing.messageKey();
        outbox.append(Topics.UPSTREAM_LISTINGS, key,
                Envelope.of(SOURCE, EventTypes.UPSTREAM_LISTING_RECEIVED, listing.updatedAt(), key, data));
        registry.upstreamReceived(data);
        log.info("upstream listing {} ({}) revision {} published, in force: {}", key, r.kind(), listing.revision(),
                r.inForce());
    }
}
