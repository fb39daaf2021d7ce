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

    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** An organisation with a random, well-formed USCC, so every test has subjects of its own. */
    public static Subject newSubject() {
        StringBuilder uscc = new StringBuilder("913202");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (uscc.length() < 8) {
            uscc.append(random.nextInt(10));
        }
        while (uscc.length() < 17) {
            uscc.append(USCC_CHARS.charAt(random.nextInt(USCC_CHARS.length())));
        }
        // GB 32100-2015 check character, so the code is one identification would accept
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(uscc.charAt(i)) * USCC_WEIGHTS[i];
        }
        uscc.append(USCC_CHARS.charAt((31 - sum % 31) % 31));
        return new Subject("USCC:" + uscc, SubjectType.ORGANISATION, "江阴某某贸易有限公司", uscc.toString(), null, null,
                "张三");
    }

    /**
     * A person as identification-service publishes one with its development secret: the key is the HMAC-SHA256 of
     * the number, computed outside Java (openssl dgst -sha256 -hmac), so a watch list must arrive at the same key.
     */
    public static Subject person() {
        return new Subject("ID:RESIDENT_ID:42954d3d6b12d6fd8891c680e4c6fe1130cd8c60f4acbccde4167500f7be3f22",
                SubjectType.PERSON, "李四", null, "RESIDENT_ID", PERSON_ID_NUMBER, null);
    }

    public static final String PERSON_ID_NUMBER = "11010519491231002X";

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
        return exited(listingId, version, listType, subject, ExitReason.EXPIRED);
    }

    public static Envelope<ListingExited> exited(UUID listingId, long version, ListType listType, Subject subject,
                                                 ExitReason reason) {
        Instant at = Instant.now();
        ListingExited data = new ListingExited(listingId, version, listType, subject, listType.department(),
                reason, LocalDate.of(2026, 4, 20), null, at);
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
