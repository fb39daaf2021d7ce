package io.creditloop.repair.creditrepair;

import io.creditloop.contracts.listing.v1.ListKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.creditloop.repair.creditrepair.RepairEvidence.Kind.OBLIGATIONS_FULFILLED;
import static io.creditloop.repair.creditrepair.RepairEvidence.Kind.RECTIFICATION;
import static io.creditloop.repair.creditrepair.RepairEvidence.Kind.TRAINING;
import static org.assertj.core.api.Assertions.assertThat;

class RepairEligibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Set<RepairEvidence.Kind> RECTIFIED = EnumSet.of(RECTIFICATION, TRAINING);
    private static final Set<RepairEvidence.Kind> FULFILLED = EnumSet.of(RECTIFICATION, OBLIGATIONS_FULFILLED);

    @Test
    @DisplayName("R12: a NOT_REPAIRABLE list type is refused with the reason")
    void notRepairable() {
        RepairEligibility.Outcome outcome = RepairEligibility.assess(listing(RepairMode.NOT_REPAIRABLE, "2026-01-05"),
                false, RECTIFIED, List.of(), TODAY);
        assertThat(outcome.eligible()).isFalse();
        assertThat(outcome.refusals()).singleElement().asString().contains("cannot be repaired");
    }

    @Test
    @DisplayName("R12(a): not intentional, rectified, no new violation → publication withdrawn")
    void pathA() {
        RepairListing listing = listing(RepairMode.PUBLICATION_WITHDRAWN, "2026-10-01");
        assertThat(RepairEligibility.assess(listing, false, RECTIFIED, List.of(listing), TODAY).path())
                .isEqualTo(RepairMode.PUBLICATION_WITHDRAWN);
        assertThat(RepairEligibility.assess(listing, true, RECTIFIED, List.of(), TODAY).refusals())
                .anySatisfy(r -> assertThat(r).contains("R12(a)"));
        assertThat(RepairEligibility.assess(listing, false, EnumSet.of(TRAINING), List.of(), TODAY).eligible())
                .isFalse();
        RepairListing newBlack = other("OTHER_BLACK", ListKind.BLACK, "2026-11-01");
        assertThat(RepairEligibility.assess(listing, false, RECTIFIED, List.of(listing, newBlack), TODAY).refusals())
                .anySatisfy(r -> assertThat(r).contains("new violation"));
        RepairListing olderGray = other("OTHER_GRAY", ListKind.GRAY, "2026-11-01");
        assertThat(RepairEligibility.assess(listing, false, RECTIFIED, List.of(olderGray), TODAY).eligible())
                .as("a gray listing of another type is no serious violation").isTrue();
    }

    @Test
    @DisplayName("R12(b): obligations fulfilled, rectified and one full year without violation → rectification noted")
    void pathB() {
        RepairListing yearOld = listing(RepairMode.RECTIFICATION_NOTED, "2025-11-23");
        assertThat(RepairEligibility.assess(yearOld, true, FULFILLED, List.of(yearOld), TODAY).path())
                .isEqualTo(RepairMode.RECTIFICATION_NOTED);
        assertThat(RepairEligibility.assess(listing(RepairMode.RECTIFICATION_NOTED, "2025-11-24"), false, FULFILLED,
                List.of(), TODAY).refusals()).anySatisfy(r -> assertThat(r).contains("one full year"));
        assertThat(RepairEligibility.assess(yearOld, false, RECTIFIED, List.of(), TODAY).refusals())
                .anySatisfy(r -> assertThat(r).contains("obligations"));
        RepairListing sameType = other(yearOld.listTypeCode(), ListKind.GRAY, "2026-06-01");
        assertThat(RepairEligibility.assess(yearOld, false, FULFILLED, List.of(sameType), TODAY).refusals())
                .anySatisfy(r -> assertThat(r).contains("within the last year"));
    }

    @Test
    @DisplayName("R12: a re-offence barred the listing: refused within validity")
    void barred() {
        RepairListing barred = new RepairListing(UUID.randomUUID(), "USCC:X", "tax", "TAX_MAJOR_VIOLATION",
                ListKind.BLACK, RepairMode.PUBLICATION_WITHDRAWN, LocalDate.parse("2026-10-01"),
                LocalDate.parse("2028-10-01"), false, true);
        assertThat(RepairEligibility.assess(barred, false, RECTIFIED, List.of(), TODAY).refusals())
                .anySatisfy(r -> assertThat(r).contains("re-offence"));
    }

    @Test
    @DisplayName("R12: a black listing or one of the same type within validity is a re-offence; other kinds or after validity are not")
    void reOffence() {
        RepairListing repaired = listing(RepairMode.PUBLICATION_WITHDRAWN, "2026-01-05");
        assertThat(ReOffence.cancels(repaired, other("OTHER_BLACK", ListKind.BLACK, "2026-11-01"))).isTrue();
        assertThat(ReOffence.cancels(repaired, other(repaired.listTypeCode(), ListKind.GRAY, "2026-11-01"))).isTrue();
        assertThat(ReOffence.cancels(repaired, other("OTHER_GRAY", ListKind.GRAY, "2026-11-01"))).isFalse();
        assertThat(ReOffence.cancels(repaired, other("OTHER_BLACK", ListKind.BLACK, "2028-01-06"))).isFalse();
    }

    private static RepairListing listing(RepairMode mode, String recognised) {
        return new RepairListing(UUID.randomUUID(), "USCC:X", "tax", "TAX_MAJOR_VIOLATION", ListKind.BLACK, mode,
                LocalDate.parse(recognised), LocalDate.parse(recognised).plusYears(2), false, false);
    }

    private static RepairListing other(String type, ListKind kind, String recognised) {
        return new RepairListing(UUID.randomUUID(), "USCC:X", "market", type, kind, RepairMode.PUBLICATION_WITHDRAWN,
                LocalDate.parse(recognised), null, false, false);
    }
}
