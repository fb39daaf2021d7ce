package io.creditloop.repair.objection;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import io.creditloop.repair.listing.ListingRef;
import io.creditloop.repair.listing.ListingStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private final Objection filed = Objection.filed(UUID.randomUUID(), UUID.randomUUID(), "tax", ObjectorKind.SUBJECT,
            "黄石某某贸易有限公司", null, "已于认定前补缴税款", NOW);

    @Test
    @DisplayName("R10: accepted → the department's written opinion → the credit office's review decides")
    void upheld() {
        Objection accepted = filed.accept("王科长", NOW, LocalDate.of(2026, 12, 2));
        Objection opinion = accepted.giveOpinion(OpinionOutcome.ERRONEOUS, "认定错误", "王科长", NOW);
        UUID decision = UUID.randomUUID();
        Objection decided = opinion.review(true, "信用办李主任", NOW, decision);

        assertThat(decided.status()).isEqualTo(ObjectionStatus.DECIDED);
        assertThat(decided.decisionId()).isEqualTo(decision);
        assertThat(decided.dueDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(decided.reviewedBy()).isEqualTo("信用办李主任");
    }

    @Test
    @DisplayName("R10: the credit office can send an opinion back to the department")
    void sentBack() {
        Objection back = filed.accept("王科长", NOW, LocalDate.of(2026, 12, 2))
                .giveOpinion(OpinionOutcome.CORRECTION, "更正", "王科长", NOW)
                .review(false, "信用办李主任", NOW, null);

        assertThat(back.status()).isEqualTo(ObjectionStatus.ACCEPTED);
        assertThat(back.decisionId()).isNull();
    }

    @Test
    @DisplayName("R10 (001 §21): a listing found right gets a written reply; administrative review may follow")
    void rejected() {
        Objection rejected = filed.accept("王科长", NOW, LocalDate.of(2026, 12, 2)).reject("认定无误", "王科长", NOW);
        assertThat(rejected.status()).isEqualTo(ObjectionStatus.REJECTED);
        assertThat(rejected.recordAdministrativeReview("复议维持", NOW).administrativeReview()).isEqualTo("复议维持");
        assertThatThrownBy(() -> rejected.giveOpinion(OpinionOutcome.ERRONEOUS, "x", "y", NOW))
                .isInstanceOf(ObjectionStateException.class);
    }

    @Test
    @DisplayName("R10: no opinion before acceptance, no review without an opinion")
    void order() {
        assertThatThrownBy(() -> filed.giveOpinion(OpinionOutcome.ERRONEOUS, "x", "y", NOW))
                .isInstanceOf(ObjectionStateException.class);
        assertThatThrownBy(() -> filed.accept("a", NOW, LocalDate.of(2026, 12, 2)).review(true, "b", NOW, UUID.randomUUID()))
                .isInstanceOf(ObjectionStateException.class);
    }

    @Test
    @DisplayName("R11: an erroneous red listing names the benefits to recover; a black one has none")
    void benefits() {
        ListingRef red = new ListingRef(filed.listingId(), 2, ListingStatus.CONFIRMED, "tax", "TAX_A_GRADE",
                SubjectType.ORGANISATION, "某公司", ListKind.RED);
        ListingRef black = new ListingRef(filed.listingId(), 2, ListingStatus.CONFIRMED, "tax", "TAX_MAJOR_VIOLATION",
                SubjectType.ORGANISATION, "某公司", ListKind.BLACK);

        assertThat(ErroneousListing.benefitsToRecover(filed, red, NOW)).hasValueSatisfying(b -> {
            assertThat(b.listTypeCode()).isEqualTo("TAX_A_GRADE");
            assertThat(b.note()).contains("sanction-service");
        });
        assertThat(ErroneousListing.benefitsToRecover(filed, black, NOW)).isEmpty();
        assertThat(ErroneousListing.apology(filed, NOW).text()).contains("致歉").contains(filed.objectorName());
    }
}
