package io.creditloop.sharing.registry;

import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingEvent;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.contracts.sharing.v1.UpstreamListingReceived;
import io.creditloop.messaging.AppliedVersions;
import io.creditloop.messaging.ListingVersions;
import io.creditloop.sharing.subject.Masking;
import io.creditloop.sharing.subject.PersonKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * R16: keeps the subject database that agencies query — local listings from identification's events, upstream
 * listings as they are received — answers queries, and registers every query of a natural person in the same
 * transaction as the read, so no person is shown without the register knowing.
 */
@Service
public class RegistryService {

    /** The listing versions the register applied; a stale or repeated version changes nothing. */
    static final String LISTING_VERSIONS = "sharing.registry";
    private static final Logger log = LoggerFactory.getLogger(RegistryService.class);

    private final RegistryListings listings;
    private final io.creditloop.sharing.erasure.ErroneousListingErasure erasure;
    private final QueryRegister register;
    private final AppliedVersions versions;
    private final PersonKeys personKeys;
    private final RegistryProperties properties;
    private final Clock clock;

    public RegistryService(RegistryListings listings, QueryRegister register, AppliedVersions versions,
                           PersonKeys personKeys, RegistryProperties properties, Clock clock,
                           io.creditloop.sharing.erasure.ErroneousListingErasure erasure) {
        this.erasure = erasure;
        this.listings = listings;
        this.register = register;
        this.versions = versions;
        this.personKeys = personKeys;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void confirmed(ListingConfirmed e) {
        if (applies(e.listingId(), e.version())) {
            listings.upsertIfNewer(local(e.listingId(), e.version(), e.listType(), e.subject(),
                    e.recognisingDepartment(), e.recognitionDate(), e.validUntil()), clock.instant());
        }
    }

    /**
     * The listing events of one poll, in order (issue 9): versions checked in one go, each run of confirmed and
     * corrected listings written as one batch, exits applied one at a time in their place.
     */
    @Transactional
    public void applyAll(List<Object> events) {
        List<RegistryListing> run = new ArrayList<>();
        for (ListingEvent event : ListingVersions.fresh(versions, LISTING_VERSIONS, events)) {
            if (event instanceof ListingConfirmed e) {
                run.add(local(e.listingId(), e.version(), e.listType(), e.subject(), e.recognisingDepartment(),
                        e.recognitionDate(), e.validUntil()));
            } else if (event instanceof ListingCorrected e) {
                run.add(local(e.listingId(), e.version(), e.listType(), e.subject(), e.recognisingDepartment(),
                        e.recognitionDate(), e.validUntil()));
            } else if (event instanceof ListingExited e) {
                listings.upsertAllIfNewer(run, clock.instant());
                run.clear();
                applyExited(e);
            }
        }
        listings.upsertAllIfNewer(run, clock.instant());
    }


    @Transactional
    public void corrected(ListingCorrected e) {
        if (applies(e.listingId(), e.version())) {
            listings.upsertIfNewer(local(e.listingId(), e.version(), e.listType(), e.subject(),
                    e.recognisingDepartment(), e.recognitionDate(), e.validUntil()), clock.instant());
        }
    }

    @Transactional
    public void exited(ListingExited e) {
        if (applies(e.listingId(), e.version())) {
            applyExited(e);
        }
    }

    private void applyExited(ListingExited e) {
        String key = localKey(e.listingId());
        if (e.exitReason() == ExitReason.ERRONEOUS) {
            // R11 (001 §19): an erroneous listing is not retained, and must not be shown as "recently exited"
            erasure.registry(e.listingId(), key);
            return;
        }
        Instant now = clock.instant();
        if (!listings.exit(key, e.version(), e.exitDate(), now)) {
            // the exit overtook its confirmation: the exit carries enough to show the listing as exited
            RegistryListing exited = local(e.listingId(), e.version(), e.listType(), e.subject(),
                    e.recognisingDepartment(), null, null);
            listings.upsertIfNewer(new RegistryListing(exited.listingKey(), exited.source(), exited.version(),
                    exited.subjectKey(), exited.subjectType(), exited.name(), exited.uscc(), exited.idNumberMasked(),
                    exited.listTypeCode(), exited.listTypeName(), exited.kind(), exited.department(), null, null,
                    RegistryListing.Status.EXITED, e.exitDate()), now);
        }
    }

    /** An upstream record, new or changed; runs in the receiving transaction. Older revisions change nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void upstreamReceived(UpstreamListingReceived u) {
        boolean person = u.subjectType() == SubjectType.PERSON;
        String subjectKey = person ? personKeys.residentId(u.idNumber()) : PersonKeys.organisation(u.uscc());
        LocalDate today = LocalDate.ofInstant(u.receivedAt(), clock.getZone());
        listings.upsertIfNewer(new RegistryListing(u.platform() + ":" + u.upstreamId(), u.platform(), u.revision(),
                subjectKey, u.subjectType(), u.name(), person ? null : u.uscc(),
                person ? Masking.idNumber(u.idNumber()) : null, null, u.listName(), u.kind(), u.authority(),
                u.recognitionDate(), u.validUntil(),
                u.inForce() ? RegistryListing.Status.IN_FORCE : RegistryListing.Status.EXITED,
                u.inForce() ? null : today), clock.instant());
    }

    /** A query of a natural person by ID number: only its key and masked form go further. */
    public SubjectQuery byIdNumber(String idNumber, String purpose) {
        return new SubjectQuery(SubjectQuery.Kind.ID_NUMBER, Masking.idNumber(idNumber),
                personKeys.residentId(idNumber), purpose);
    }

    /**
     * R16: the subject's listings in force and those exited within {@code recently-exited}; a query that touches a
     * person is registered in this transaction, or refused without a stated purpose.
     */
    @Transactional
    public Answer query(SubjectQuery query, Querier who) {
        QueryRegistration.checkBeforeReading(query);
        LocalDate since = LocalDate.now(clock).minus(properties.recentlyExited());
        List<RegistryListing> shown = switch (query.kind()) {
            case USCC -> listings.byUscc(query.value(), since, properties.maxResults());
            case ID_NUMBER -> listings.bySubjectKey(query.subjectKey(), since, properties.maxResults());
            case NAME -> listings.byName(query.value(), since, properties.maxResults());
        };
        List<RegisterEntry> entries = QueryRegistration.entries(query, who, shown, clock.instant());
        entries.forEach(register::add);
        if (!entries.isEmpty()) {
            log.info("query by {} of {} ({}): {} listing(s), {} person(s) registered", who.agency(), query.kind(),
                    query.kind() == SubjectQuery.Kind.NAME ? "name" : query.value(), shown.size(), entries.size());
        }
        return new Answer(shown, !entries.isEmpty());
    }

    /** @param registered whether the query was entered in the query register (it touched a natural person) */
    public record Answer(List<RegistryListing> shown, boolean registered) {
    }

    @Transactional(readOnly = true)
    public RegisterPage review(LocalDate from, LocalDate to, String agency, int page, int size) {
        ZoneId zone = clock.getZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return new RegisterPage(register.page(start, end, agency, page, size), page, size,
                register.count(start, end, agency));
    }

    public record RegisterPage(List<RegisterEntry> items, int page, int size, long total) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDate recentlyExitedSince() {
        return today().minus(properties.recentlyExited());
    }

    public boolean authorised(String agency) {
        return properties.authorised(agency);
    }

    public boolean creditOffice(String agency) {
        return properties.creditOffice().equals(agency);
    }

    private boolean applies(UUID listingId, long version) {
        if (versions.advance(LISTING_VERSIONS, listingId.toString(), version)) {
            return true;
        }
        log.info("listing {} v{} is not newer than the register's copy; ignored", listingId, version);
        return false;
    }

    private static String localKey(UUID listingId) {
        return RegistryListing.LOCAL + ":" + listingId;
    }

    private static RegistryListing local(UUID listingId, long version, ListType type, Subject subject,
                                         String department, LocalDate recognitionDate, LocalDate validUntil) {
        boolean person = subject.type() == SubjectType.PERSON;
        return new RegistryListing(localKey(listingId), RegistryListing.LOCAL, version, subject.key(), subject.type(),
                subject.name(), person ? null : subject.uscc(), person ? Masking.idNumber(subject.idNumber()) : null,
                type.code(), type.name(), type.kind(), department, recognitionDate, validUntil,
                RegistryListing.Status.IN_FORCE, null);
    }
}
