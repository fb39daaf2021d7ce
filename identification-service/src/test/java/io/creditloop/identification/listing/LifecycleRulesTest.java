package io.creditloop.identification.listing;

import io.creditloop.calendar.HolidayFiles;
import io.creditloop.calendar.WorkingDayCalendar;
import io.creditloop.contracts.listing.v1.ExitReason;
import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.identification.catalog.ListTypeEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identification rules on plain objects: workflow, cross-checks, exit follow-ups, big-data warning. */
class LifecycleRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final WorkingDayCalendar CALENDAR = HolidayFiles.load(null);
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    static ListTypeEntry type(String code, ListKind kind, String domain, int publicityDays, String gray) {
        return new ListTypeEntry(code, 1, code, kind, domain, "dept", "basis", "1年", "RECTIFICATION_NOTED", false,
                publicityDays, gray);
    }

    static final ListTypeEntry BLACK = type("TAX_MAJOR_VIOLATION", ListKind.BLACK, "tax", 0, "TAX_KEY_ATTENTION");
    static final ListTypeEntry RED = type("TAX_A_GRADE", ListKind.RED, "tax", 7, null);
    static final ListTypeEntry GRAY_TAX = type("TAX_KEY_ATTENTION", ListKind.GRAY, "tax", 0, null);

    static Listing listing(ListTypeEntry type, SubjectType subjectType) {
        ListedSubject subject = new ListedSubject(subjectType, "某公司", "91420200MA4KLB7Q32", null, null, null,
                "USCC:91420200MA4KLB7Q32", null, null, null);
        return Listing.recorded(null, type, subject, "reason", "basis", "dept", LocalDate.of(2026, 11, 20),
                LocalDate.of(2027, 11, 19), null, List.of());
    }

    static Listing confirmed(ListTypeEntry type) {
        Listing l = listing(type, SubjectType.ORGANISATION);
        l.confirm(NOW);
        return l;
    }

    @Test
    @DisplayName("R5: a red listing goes into publicity for the catalog's working days, then is confirmed")
    void redPublicity() {
        Listing red = listing(RED, SubjectType.ORGANISATION);

        var step = IdentificationWorkflow.next(red, List.of(red), TODAY, CALENDAR);

        assertThat(step).isEqualTo(new IdentificationWorkflow.Publicity(LocalDate.of(2026, 12, 2)));
        red.startPublicity(LocalDate.of(2026, 12, 2));
        assertThat(IdentificationWorkflow.next(red, List.of(red), LocalDate.of(2026, 12, 2), CALENDAR))
                .isInstanceOf(IdentificationWorkflow.Wait.class);
        assertThat(IdentificationWorkflow.next(red, List.of(red), LocalDate.of(2026, 12, 3), CALENDAR))
                .isInstanceOf(IdentificationWorkflow.Confirm.class);
    }

    @Test
    @DisplayName("R5: a red listing of a subject on a black list in force is excluded, even at the end of publicity")
    void redExcludedByBlack() {
        Listing black = confirmed(BLACK);
        Listing red = listing(RED, SubjectType.ORGANISATION);
        red.startPublicity(LocalDate.of(2026, 12, 2));

        var step = IdentificationWorkflow.next(red, List.of(black, red), LocalDate.of(2026, 12, 3), CALENDAR);

        assertThat(step).isInstanceOf(IdentificationWorkflow.Exclude.class);
        assertThat(((IdentificationWorkflow.Exclude) step).reason()).contains("R5").contains("TAX_MAJOR_VIOLATION");
    }

    @Test
    @DisplayName("R5/R13: a gray listing in force excludes a red one too; R14: black moves the same domain's gray out")
    void grayAndBlackCrossChecks() {
        Listing gray = confirmed(GRAY_TAX);
        Listing marketGray = confirmed(type("MARKET_KEY_ATTENTION", ListKind.GRAY, "market-regulation", 0, null));
        Listing red = listing(RED, SubjectType.ORGANISATION);
        Listing black = confirmed(BLACK);

        assertThat(CrossChecks.blackListingExcluding(red, List.of(gray, red), TODAY)).contains(gray);
        assertThat(CrossChecks.graysMovedToBlack(black, List.of(gray, marketGray, black), TODAY)).containsExactly(gray);
        assertThat(CrossChecks.graysMovedToBlack(gray, List.of(gray, marketGray), TODAY)).isEmpty();
    }

    @Test
    @DisplayName("R4: a prior notice cannot be dated in the future")
    void noticeNotInTheFuture() {
        Listing person = listing(BLACK, SubjectType.PERSON);
        assertThatThrownBy(() -> person.recordNotice(TODAY.plusDays(1), TODAY)).isInstanceOf(ListingStateException.class);
        assertThat(person.status()).isEqualTo(ListingStatus.RECORDED);
    }

    @Test
    @DisplayName("R4: a natural person is notified before a black listing goes on; an organisation is confirmed at once")
    void priorNotice() {
        Listing person = listing(BLACK, SubjectType.PERSON);
        assertThat(IdentificationWorkflow.next(person, List.of(person), TODAY, CALENDAR))
                .isInstanceOf(IdentificationWorkflow.AwaitNotice.class);
        person.recordNotice(TODAY, TODAY);
        assertThat(IdentificationWorkflow.next(person, List.of(person), TODAY, CALENDAR))
                .isInstanceOf(IdentificationWorkflow.Confirm.class);

        Listing company = listing(BLACK, SubjectType.ORGANISATION);
        assertThat(IdentificationWorkflow.next(company, List.of(company), TODAY, CALENDAR))
                .isInstanceOf(IdentificationWorkflow.Confirm.class);
    }

    @Test
    @DisplayName("R4/R13: a confirmed black or gray listing supersedes the subject's confirmed red listings only")
    void supersession() {
        Listing red = confirmed(RED);
        Listing otherRedStillInPublicity = listing(RED, SubjectType.ORGANISATION);
        Listing black = confirmed(BLACK);

        assertThat(CrossChecks.redListingsSupersededBy(black, List.of(red, otherRedStillInPublicity, black)))
                .containsExactly(red);
        assertThat(CrossChecks.redListingsSupersededBy(red, List.of(red, black))).isEmpty();
    }

    @Test
    @DisplayName("R13: a black exit other than by error moves the subject to the catalog's gray list; an error purges")
    void exitFollowUps() {
        Map<String, ListTypeEntry> catalog = Map.of(GRAY_TAX.code(), GRAY_TAX);
        Listing repaired = confirmed(BLACK);
        repaired.exit(ExitReason.REPAIRED, TODAY, null, NOW);
        Listing erroneous = confirmed(BLACK);
        erroneous.exit(ExitReason.ERRONEOUS, TODAY, null, NOW);
        Listing red = confirmed(RED);
        red.exit(ExitReason.EXPIRED, TODAY, null, NOW);

        assertThat(ExitRules.grayAfterExit(repaired, c -> Optional.ofNullable(catalog.get(c)))).contains(GRAY_TAX);
        assertThat(ExitRules.grayAfterExit(erroneous, c -> Optional.ofNullable(catalog.get(c)))).isEmpty();
        assertThat(ExitRules.grayAfterExit(red, c -> Optional.ofNullable(catalog.get(c)))).isEmpty();
        assertThat(ExitRules.purgesPersonalData(erroneous)).isTrue();
        assertThat(ExitRules.purgesPersonalData(repaired)).isFalse();
    }

    @Test
    @DisplayName("R14: gray lists in 3 different domains at once call for a big-data warning, only once")
    void bigDataWarning() {
        Listing tax = confirmed(GRAY_TAX);
        Listing market = confirmed(type("MARKET_KEY_ATTENTION", ListKind.GRAY, "market-regulation", 0, null));
        Listing housing = confirmed(type("HOUSING_KEY_ATTENTION", ListKind.GRAY, "housing-construction", 0, null));
        Listing secondTax = confirmed(type("TAX_OTHER_GRAY", ListKind.GRAY, "tax", 0, null));

        assertThat(BigDataWarning.due(List.of(tax, market, secondTax), TODAY, 3)).isFalse();
        assertThat(BigDataWarning.due(List.of(tax, market, housing), TODAY, 3)).isTrue();
        Listing warning = confirmed(type(BigDataWarning.LIST_TYPE, ListKind.GRAY, "credit", 0, null));
        assertThat(BigDataWarning.due(List.of(tax, market, housing, warning), TODAY, 3)).isFalse();
    }

    @Test
    @DisplayName("R4/R10: an objection stops confirmation; upheld withdraws, dismissed confirms; no step out of order")
    void objections() {
        Listing upheld = listing(RED, SubjectType.ORGANISATION);
        assertThatThrownBy(() -> upheld.object("x")).isInstanceOf(ListingStateException.class);
        upheld.startPublicity(LocalDate.of(2026, 12, 2));
        upheld.object("已补缴");
        assertThatThrownBy(() -> upheld.confirm(NOW)).isInstanceOf(ListingStateException.class);
        upheld.decideObjection(true, "核实有误");
        assertThat(upheld.status()).isEqualTo(ListingStatus.WITHDRAWN);

        Listing dismissed = listing(RED, SubjectType.ORGANISATION);
        dismissed.startPublicity(LocalDate.of(2026, 12, 2));
        dismissed.object("不服");
        dismissed.decideObjection(false, "认定无误");
        assertThat(dismissed.status()).isEqualTo(ListingStatus.IN_PUBLICITY);
        assertThat(dismissed.version()).isEqualTo(4);
    }
}
