package io.creditloop.sanction.watch;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.sanction.v1.WatchNotice;

import java.time.Instant;

/**
 * The one place where listing changes become watch notices. The subject goes out without its ID number (R16): the
 * agency registered the person itself and matches the notice on the subject key it was given then.
 */
final class WatchNotices {

    static final String SOURCE = "/sanction-service";

    private WatchNotices() {
    }

    static Envelope<WatchNotice> listed(String agency, ListingConfirmed e, Instant at) {
        return envelope(new WatchNotice(agency, WatchNotice.LISTED, e.listingId(), e.version(), e.listType(),
                withoutIdNumber(e.subject()), e.reason(), null, e.validUntil(), e.confirmedAt()), e.subject(), at);
    }

    static Envelope<WatchNotice> corrected(String agency, ListingCorrected e, Instant at) {
        return envelope(new WatchNotice(agency, WatchNotice.CORRECTED, e.listingId(), e.version(), e.listType(),
                withoutIdNumber(e.subject()), e.reason(), null, e.validUntil(), e.correctedAt()), e.subject(), at);
    }

    static Envelope<WatchNotice> exited(String agency, ListingExited e, Instant at) {
        return envelope(new WatchNotice(agency, WatchNotice.EXITED, e.listingId(), e.version(), e.listType(),
                withoutIdNumber(e.subject()), null, e.exitReason() == null ? null : e.exitReason().name(), null,
                e.exitedAt()), e.subject(), at);
    }

    private static Envelope<WatchNotice> envelope(WatchNotice notice, Subject subject, Instant at) {
        return Envelope.of(SOURCE, EventTypes.WATCH_NOTICE, at, subject.key(), notice);
    }

    private static Subject withoutIdNumber(Subject s) {
        return new Subject(s.key(), s.type(), s.name(), s.uscc(), s.idType(), null, s.legalRepresentative());
    }
}
