package io.creditloop.sanction;

import io.creditloop.contracts.Envelope;
import io.creditloop.contracts.EventTypes;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.ListType;
import io.creditloop.contracts.listing.v1.ListingConfirmed;
import io.creditloop.contracts.listing.v1.ListingCorrected;
import io.creditloop.contracts.listing.v1.ListingExited;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.contracts.listing.v1.SubjectType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Listing events as identification-service publishes them, for a fresh subject per call unless given one. */
public final class Listings {

    public static final ListType TAX_MAJOR_VIOLATION =
            new ListType("TAX_MAJOR_VIOLATION", 1, "重大税收违法案件当事人名单", ListKind.BLACK, "tax");
    public static final ListType COURT_DEFAULTER =
            new ListType("COURT_DEFAULTER", 1, "失信被执行人名单", ListKind.BLACK, "court");
    public static final ListType TAX_A_GRADE =
            new ListType("TAX_A_GRADE", 1, "纳税信用A级纳税人名单", ListKind.RED, "tax");

    private static final String SOURCE = "/identification-service";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private Listings() {
    }

    /** An organisation with a random, well-formed USCC, so every test has subjects of its own. */
    public static Subject newSubject() {
        StringBuilder uscc = new StringBuilder("9132");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (uscc.length() < 18) {
            uscc.append(USCC_CHARS.charAt(random.nextInt(USCC_CHARS.length())));
        }
        return new Subject("USCC:" + uscc, SubjectType.ORGANISATION, "江阴某某贸易有限公司", uscc.toString(), null, null,
                "张三");
    }

    public static Envelope<ListingConfirmed> confirmed(UUID listingId, long version, ListType listType,
                                                       Subject subject) {
        Instant at = Instant.now();
        ListingConfirmed data = new ListingConfirmed(listingId, version, listType, subject,
                listType.kind() == ListKind.RED ? "连续三年纳税信用A级" : "虚开增值税专用发票",
                "《中华人民共和国税收征收管理法》", listType.department(), LocalDate.of(2024, 4, 20),
                LocalDate.of(2024, 4, 20), LocalDate.of(2026, 4, 19), at);
        return Envelope.of(SOURCE, EventTypes.LISTING_CONFIRMED, at, subject.key(), data);
    }

    public static Envelope<ListingExited> exited(UUID listingId, long version, ListType listType, Subject subject) {
        Instant at = Instant.now();
        ListingExited data = new ListingExited(listingId, version, listType, subject, listType.department(),
                ExitReason.EXPIRED, LocalDate.of(2026, 4, 20), null, at);
        return Envelope.of(SOURCE, EventTypes.LISTING_EXITED, at, subject.key(), data);
    }

    public static Envelope<ListingCorrected> corrected(UUID listingId, long version, ListType listType,
                                                       Subject subject) {
        Instant at = Instant.now();
        ListingCorrected data = new ListingCorrected(listingId, version, listType, subject, "虚开增值税专用发票（更正）",
                "《中华人民共和国税收征收管理法》", listType.department(), LocalDate.of(2024, 4, 20),
                LocalDate.of(2024, 4, 20), LocalDate.of(2026, 4, 19), "更正事由", at);
        return Envelope.of(SOURCE, EventTypes.LISTING_CORRECTED, at, subject.key(), data);
    }

    /** A lowercase tag for names that must not collide between tests. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
